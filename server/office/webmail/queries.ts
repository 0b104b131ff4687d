import type { Database } from '../../platform/db/database.ts'
import { activeStaff } from '../../practice/messages/assignment-queries.ts'
import { attachmentsOf } from '../../practice/messages/attachment-queries.ts'
import {
  findMessage,
  listBox,
  messageProviders,
  unreadByPractice,
} from '../../practice/messages/queries.ts'
import { type Box, officeBoxDirection } from '../../practice/messages/rules.ts'
import { practicePatient } from '../../practice/queries.ts'

export interface OfficeBoxFilter {
  box: Box
  provider?: number | 'office' | undefined
  patientId?: number | undefined
  status?: 'unread' | 'read' | 'handled' | 'open' | undefined
  before?: string | undefined
  /** Only those assigned to this staff user. */
  assignedStaffId?: number | undefined
}

/** One page of an office box with the unread counts of every inbox, read together. */
export async function officeBox(
  db: Database,
  practiceId: number,
  filter: OfficeBoxFilter,
  limit: number,
) {
  const [rows, unread, providers, colleagues] = await Promise.all([
    listBox(
      db,
      {
        practiceId,
        direction: officeBoxDirection(filter.box),
        ...(filter.provider !== undefined ? { provider: filter.provider } : {}),
        ...(filter.patientId !== undefined ? { patientId: filter.patientId } : {}),
        ...(filter.status === 'unread' ? { unreadBy: 'practice' as const } : {}),
        ...(filter.status === 'read' ? { readByPractice: true } : {}),
        ...(filter.status === 'handled' ? { handled: true } : {}),
        ...(filter.status === 'open' ? { handled: false } : {}),
        ...(filter.assignedStaffId !== undefined
          ? { assignedStaffId: filter.assignedStaffId }
          : {}),
      },
      { before: filter.before, limit },
    ),
    unreadByPractice(db, practiceId),
    messageProviders(db, practiceId),
    activeStaff(db, practiceId),
  ])
  return { rows, unread, providers, colleagues }
}

export async function officeAttachment(
  db: Database,
  practiceId: number,
  messageId: number,
  attachmentId: number,
) {
  const message = await findMessage(db, practiceId, messageId)
  if (!message) return undefined
  const found = (await attachmentsOf(db, practiceId, messageId)).find((a) => a.id === attachmentId)
  return found && { message, attachment: found }
}

/** Patients of the practice by name, for "compose to a patient". */
export function searchPatients(db: Database, practiceId: number, text: string) {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 3)
  let query = db
    .selectFrom('patients')
    .select(['id', 'first_name', 'last_name', 'birthdate'])
    .where('practice_id', '=', practiceId)
  for (const word of words) {
    const like = `${word.replace(/[\\%_]/g, '\\$&')}%`
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['first_name']), 'like', like),
        eb(eb.fn('lower', ['last_name']), 'like', like),
      ]),
    )
  }
  return query.orderBy('last_name').orderBy('first_name').limit(20).execute()
}

export async function patientOfPractice(db: Database, practiceId: number, patientId: number) {
  const row = await practicePatient(db, practiceId, patientId).select('id').executeTakeFirst()
  return row !== undefined
}
