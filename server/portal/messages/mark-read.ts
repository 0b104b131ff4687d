import type { Database } from '../../platform/db/database.ts'
import { NotFound } from '../../platform/http/problems.ts'
import { attachmentsOf } from '../../practice/messages/attachment-queries.ts'
import { findMessage, markRead } from '../../practice/messages/queries.ts'
import type { Auditor } from '../audit-read.ts'

/**
 * A message just sent, as the sender's page shows it: loaded, not opened, so sending writes no
 * `message.viewed` row (the `message.sent` row already says who wrote it).
 */
export async function loadSentMessage(
  db: Database,
  reader: { practiceId: number; patientIds: readonly number[] },
  messageId: number,
) {
  const row = await findMessage(db, reader.practiceId, messageId, reader.patientIds)
  if (!row) throw new NotFound('No such message.')
  return { row, attachments: await attachmentsOf(db, reader.practiceId, row.id) }
}

/**
 * A family member opens a message about a patient they may see. The first opening of a message
 * from the practice records when it was read (the office sees it) and is audited as
 * `message.read`; every opening is audited as `message.viewed`. A message about anyone else
 * answers exactly like one that does not exist.
 */
export async function openMessage(
  db: Database,
  reader: { practiceId: number; patientIds: readonly number[] },
  auditFor: (patientId: number) => Auditor,
  messageId: number,
  now: Date,
) {
  const row = await findMessage(db, reader.practiceId, messageId, reader.patientIds)
  if (!row) throw new NotFound('No such message.')
  const audit = auditFor(row.patient_id)
  const target = { type: 'message', id: row.id }
  const [firstRead, attachments] = await Promise.all([
    row.direction === 'ToPatient' && row.read_by_patient_at === null
      ? markRead(db, reader.practiceId, row.id, { patient: true }, now)
      : Promise.resolve(false),
    attachmentsOf(db, reader.practiceId, row.id),
    audit.record(db, 'message.viewed', { target }),
  ])
  if (firstRead) await audit.record(db, 'message.read', { target })
  const readAt = row.read_by_patient_at ?? (row.direction === 'ToPatient' ? now : null)
  return { row: { ...row, read_by_patient_at: readAt }, attachments }
}
