import type { Expression, SqlBool } from 'kysely'
import type { Database } from '../../platform/db/database.ts'
import { practiceRows, updatePracticeRow } from '../../platform/db/rows.ts'
import type { MessageDirection, MessageKind } from '../../platform/db/schema.ts'
import { Invalid } from '../../platform/http/problems.ts'
import { type BoxCursor, pageStart } from './rules.ts'

/** Which messages a box reads: one direction of one practice, narrowed by the reader's side. */
export interface BoxFilter {
  practiceId: number
  direction: MessageDirection
  /** The patient side: the patients the signed-in user may see (self and those represented). */
  patientIds?: readonly number[]
  /** The office side: one patient. */
  patientId?: number
  /** The office side: one provider's inbox, or `office` for the shared one (no provider). */
  provider?: number | 'office'
  /** Only those unread by the side reading (`patient` or `practice`). */
  unreadBy?: 'patient' | 'practice'
  /** The office side: only those some staff member has read. */
  readByPractice?: boolean
  /** The office side: handled or not. */
  handled?: boolean
  /** The office side: only those assigned to this staff user. */
  assignedStaffId?: number
}

function messagesBase(db: Database) {
  return db
    .selectFrom('messages as m')
    .innerJoin('patients as regarding', 'regarding.id', 'm.patient_id')
    .leftJoin('providers as provider', 'provider.id', 'm.provider_id')
    .leftJoin('portal_users as writer', 'writer.id', 'm.sender_portal_user_id')
    .leftJoin('patients as writer_patient', 'writer_patient.id', 'writer.patient_id')
    .leftJoin('staff_users as staff', 'staff.id', 'm.sender_staff_user_id')
    .leftJoin('staff_users as assignee', 'assignee.id', 'm.assigned_staff_id')
    .select((eb) => [
      'm.id',
      'm.direction',
      'm.kind',
      'm.subject',
      'm.sent_at',
      'm.patient_id',
      'm.provider_id',
      'm.in_reply_to_id',
      'm.read_by_patient_at',
      'm.read_by_practice_at',
      'm.handled_at',
      'regarding.first_name as patient_first_name',
      'regarding.last_name as patient_last_name',
      'provider.first_name as provider_first_name',
      'provider.last_name as provider_last_name',
      'provider.suffix as provider_suffix',
      'writer_patient.first_name as writer_first_name',
      'writer_patient.last_name as writer_last_name',
      'staff.display_name as staff_name',
      'm.assigned_staff_id',
      'assignee.display_name as assignee_name',
      eb
        .selectFrom('message_attachments as a')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('a.practice_id', '=', 'm.practice_id')
        .whereRef('a.message_id', '=', 'm.id')
        .as('attachment_count'),
    ])
}

export type MessageRow = Awaited<ReturnType<typeof listBox>>[number]

/**
 * One page of a box, newest first, from `before` on (keyset: the same cost on page 1 and page
 * 400). Reads one row more than `limit`, so the caller knows whether there is a next page.
 */
export function listBox(
  db: Database,
  filter: BoxFilter,
  page: { before: string | undefined; limit: number },
) {
  const start = pageStart(page.before)
  if (start === 'invalid') {
    throw new Invalid('That page of messages is not known.', { before: 'Not a page of this list.' })
  }
  const from: BoxCursor | null = start
  return messagesBase(db)
    .where((eb) => {
      const conditions: Expression<SqlBool>[] = [
        eb('m.practice_id', '=', filter.practiceId),
        eb('m.direction', '=', filter.direction),
      ]
      if (filter.patientIds) conditions.push(eb('m.patient_id', 'in', [...filter.patientIds, 0]))
      if (filter.patientId !== undefined) conditions.push(eb('m.patient_id', '=', filter.patientId))
      if (filter.provider === 'office') conditions.push(eb('m.provider_id', 'is', null))
      else if (filter.provider !== undefined)
        conditions.push(eb('m.provider_id', '=', filter.provider))
      if (filter.unreadBy === 'patient') conditions.push(eb('m.read_by_patient_at', 'is', null))
      if (filter.unreadBy === 'practice') conditions.push(eb('m.read_by_practice_at', 'is', null))
      if (filter.readByPractice) conditions.push(eb('m.read_by_practice_at', 'is not', null))
      if (filter.handled === true) conditions.push(eb('m.handled_at', 'is not', null))
      if (filter.handled === false) conditions.push(eb('m.handled_at', 'is', null))
      if (filter.assignedStaffId !== undefined)
        conditions.push(eb('m.assigned_staff_id', '=', filter.assignedStaffId))
      if (from) {
        conditions.push(eb(eb.refTuple('m.sent_at', 'm.id'), '<', eb.tuple(from.sentAt, from.id)))
      }
      return eb.and(conditions)
    })
    .orderBy('m.sent_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(page.limit + 1)
    .execute()
}

/** One message of the practice; on the patient side only one about a patient in `patientIds`. */
export function findMessage(
  db: Database,
  practiceId: number,
  messageId: number,
  patientIds?: readonly number[],
) {
  let query = messagesBase(db)
    .select('m.body')
    .where('m.practice_id', '=', practiceId)
    .where('m.id', '=', messageId)
  if (patientIds) query = query.where('m.patient_id', 'in', [...patientIds, 0])
  return query.executeTakeFirst()
}

export type FullMessageRow = NonNullable<Awaited<ReturnType<typeof findMessage>>>

/** Messages to the family not yet opened, on every page. */
export async function unreadByPatient(
  db: Database,
  practiceId: number,
  patientIds: readonly number[],
) {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('practice_id', '=', practiceId)
    .where('patient_id', 'in', [...patientIds, 0])
    .where('direction', '=', 'ToPatient')
    .where('read_by_patient_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Unread messages from patients, per provider (null: the shared office inbox). */
export function unreadByPractice(db: Database, practiceId: number) {
  return db
    .selectFrom('messages')
    .select(['provider_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('practice_id', '=', practiceId)
    .where('direction', '=', 'ToPractice')
    .where('read_by_practice_at', 'is', null)
    .groupBy('provider_id')
    .execute()
}

export interface NewMessage {
  practiceId: number
  patientId: number
  direction: MessageDirection
  kind?: MessageKind
  senderPortalUserId?: number
  senderStaffUserId?: number
  providerId: number | null
  inReplyToId: number | null
  subject: string
  body: string
  sentAt: Date
}

/** Writes a message; the writer's own side has read it. Run in the sending transaction. */
export async function insertMessage(db: Database, message: NewMessage) {
  const row = await db
    .insertInto('messages')
    .values({
      practice_id: message.practiceId,
      patient_id: message.patientId,
      direction: message.direction,
      kind: message.kind ?? 'WebMail',
      sender_portal_user_id: message.senderPortalUserId ?? null,
      sender_staff_user_id: message.senderStaffUserId ?? null,
      read_by_staff_user_id: message.senderStaffUserId ?? null,
      provider_id: message.providerId,
      in_reply_to_id: message.inReplyToId,
      subject: message.subject,
      body: message.body,
      sent_at: message.sentAt,
      read_by_patient_at: message.direction === 'ToPractice' ? message.sentAt : null,
      read_by_practice_at: message.direction === 'ToPatient' ? message.sentAt : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * Records the first opening by one side, in one statement: of many opening it at once exactly
 * one is told it was first (and audits "read"), and the time recorded never moves.
 */
export async function markRead(
  db: Database,
  practiceId: number,
  messageId: number,
  side: { patient: true } | { staffUserId: number },
  now: Date,
): Promise<boolean> {
  const query =
    'patient' in side
      ? db
          .updateTable('messages')
          .set({ read_by_patient_at: now })
          .where('read_by_patient_at', 'is', null)
          .where('direction', '=', 'ToPatient')
      : db
          .updateTable('messages')
          .set({ read_by_practice_at: now, read_by_staff_user_id: side.staffUserId })
          .where('read_by_practice_at', 'is', null)
          .where('direction', '=', 'ToPractice')
  const rows = await query
    .where('practice_id', '=', practiceId)
    .where('id', '=', messageId)
    .returning('id')
    .execute()
  return rows.length === 1
}

/** The office marks a message unread again (or handled / not handled). */
export async function setPracticeState(
  db: Database,
  practiceId: number,
  messageId: number,
  state: { unread?: boolean; handledAt?: Date | null },
) {
  const changes = {
    ...(state.unread ? { read_by_practice_at: null, read_by_staff_user_id: null } : {}),
    ...(state.handledAt !== undefined ? { handled_at: state.handledAt } : {}),
  }
  if (Object.keys(changes).length === 0) return
  await updatePracticeRow(db, 'messages', practiceId, messageId, changes)
    .where('direction', '=', 'ToPractice')
    .execute()
}

/**
 * The practice's providers a patient can write to, those not hidden: the one rule behind the
 * list a patient picks from and the check of a pick.
 */
function writableProviders(db: Database, practiceId: number) {
  return practiceRows(db, 'providers', practiceId).where('providers.is_hidden', '=', false)
}

export function messageProviders(db: Database, practiceId: number) {
  return writableProviders(db, practiceId)
    .select(['id', 'first_name', 'last_name', 'suffix'])
    .orderBy('last_name')
    .orderBy('first_name')
    .execute()
}

/** Whether a provider of this practice exists and may be written to. */
export async function providerExists(db: Database, practiceId: number, providerId: number) {
  const row = await writableProviders(db, practiceId)
    .select('id')
    .where('providers.id', '=', providerId)
    .executeTakeFirst()
  return row !== undefined
}
