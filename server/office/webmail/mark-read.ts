import type { Database } from '../../platform/db/database.ts'
import { Invalid, NotFound } from '../../platform/http/problems.ts'
import { activeStaffOfPractice, assignMessage } from '../../practice/messages/assignment-queries.ts'
import { attachmentsOf } from '../../practice/messages/attachment-queries.ts'
import { findMessage, markRead, setPracticeState } from '../../practice/messages/queries.ts'
import type { ActingStaff, StaffAuditor } from '../staff-audit.ts'

/**
 * A message just sent, as the sender's page shows it: loaded, not opened, so sending writes no
 * `message.viewed` row (the `message.sent` row already says who wrote it).
 */
export async function loadSentOfficeMessage(db: Database, staff: ActingStaff, messageId: number) {
  const row = await findMessage(db, staff.practice_id, messageId)
  if (!row) throw new NotFound('No such message.')
  return { row, attachments: await attachmentsOf(db, staff.practice_id, row.id) }
}

/**
 * A staff member opens a message: the first opening of a patient's message records who read it
 * and when (audited `message.read`); every opening is audited `message.viewed`.
 */
export async function openOfficeMessage(
  db: Database,
  staff: ActingStaff,
  audit: StaffAuditor,
  messageId: number,
  now: Date,
) {
  const row = await findMessage(db, staff.practice_id, messageId)
  if (!row) throw new NotFound('No such message.')
  const about = { patientId: row.patient_id, target: { type: 'message', id: row.id } }
  const [firstRead, attachments] = await Promise.all([
    row.direction === 'ToPractice' && row.read_by_practice_at === null
      ? markRead(db, staff.practice_id, row.id, { staffUserId: staff.id }, now)
      : Promise.resolve(false),
    attachmentsOf(db, staff.practice_id, row.id),
    audit.record(db, 'message.viewed', about),
  ])
  if (firstRead) await audit.record(db, 'message.read', about)
  const readAt = row.read_by_practice_at ?? (row.direction === 'ToPractice' ? now : null)
  return { row: { ...row, read_by_practice_at: readAt }, attachments }
}

/** Marks a patient's message unread again, or handled / not handled; audited. */
export async function changeMessageState(
  db: Database,
  staff: ActingStaff,
  audit: StaffAuditor,
  messageId: number,
  change: { unread?: boolean; handled?: boolean },
  now: Date,
) {
  const row = await findMessage(db, staff.practice_id, messageId)
  if (row?.direction !== 'ToPractice') throw new NotFound('No such message.')
  await db.transaction().execute(async (trx) => {
    await setPracticeState(trx, staff.practice_id, messageId, {
      ...(change.unread ? { unread: true } : {}),
      ...(change.handled !== undefined ? { handledAt: change.handled ? now : null } : {}),
    })
    await audit.record(trx, change.unread ? 'message.marked_unread' : 'message.handled', {
      patientId: row.patient_id,
      target: { type: 'message', id: messageId },
      ...(change.handled !== undefined ? { details: { handled: change.handled } } : {}),
    })
  })
}

/**
 * Assigns a patient's message to a colleague, an active staff user of the same practice, or
 * clears it (`staffId` null); audited `message.assigned` with who it went to.
 */
export async function assignOfficeMessage(
  db: Database,
  staff: ActingStaff,
  audit: StaffAuditor,
  messageId: number,
  staffId: number | null,
) {
  const row = await findMessage(db, staff.practice_id, messageId)
  if (row?.direction !== 'ToPractice') throw new NotFound('No such message.')
  const refused = () =>
    new Invalid('That colleague cannot be assigned.', {
      staffId: 'Not an active staff user of this practice.',
    })
  if (staffId !== null && !(await activeStaffOfPractice(db, staff.practice_id, staffId))) {
    throw refused()
  }
  await db.transaction().execute(async (trx) => {
    if (!(await assignMessage(trx, staff.practice_id, messageId, staffId))) throw refused()
    await audit.record(trx, 'message.assigned', {
      patientId: row.patient_id,
      target: { type: 'message', id: messageId },
      details: { assignedStaffId: staffId, previousStaffId: row.assigned_staff_id },
    })
  })
}
