import type { Database } from '../../platform/db/database.ts'
import { Invalid, NotFound } from '../../platform/http/problems.ts'
import { findMessage, insertMessage, providerExists } from '../../practice/messages/queries.ts'
import { cleanMessageText, messageProblems } from '../../practice/messages/rules.ts'
import { externalIdsOf, queueSyncEvent } from '../../sync/outbox.ts'
import type { Auditor, PatientAccess } from '../audit-read.ts'

export interface PatientMessage {
  providerId: number | null
  subject: string
  body: string
  inReplyToId?: number | undefined
}

/**
 * A family member writes to the practice regarding a patient the guard let through (themself,
 * or someone they represent): the message, its sync event (`message.sent`, for the PMS to file)
 * and its audit row in one transaction. A reply stays in its thread: it must answer a message the
 * family may read, about the same patient.
 */
export async function sendPatientMessage(
  db: Database,
  access: PatientAccess & { patientIds: readonly number[] },
  audit: Auditor,
  input: PatientMessage,
  now: Date,
): Promise<number> {
  const practiceId = access.user.practice_id
  const problems = messageProblems(input)
  if (problems) throw new Invalid('The message cannot be sent.', problems)
  if (input.providerId !== null && !(await providerExists(db, practiceId, input.providerId))) {
    throw new Invalid('The message cannot be sent.', { providerId: 'Choose whom to write to.' })
  }
  let inReplyToId: number | null = null
  if (input.inReplyToId !== undefined) {
    const original = await findMessage(db, practiceId, input.inReplyToId, access.patientIds)
    if (!original) throw new NotFound('No such message.')
    if (original.patient_id !== access.patientId) {
      throw new Invalid('The message cannot be sent.', {
        regardingPatientId: 'A reply is about the same patient as the message it answers.',
      })
    }
    inReplyToId = original.id
  }
  const text = cleanMessageText(input)
  return db.transaction().execute(async (trx) => {
    const messageId = await insertMessage(trx, {
      practiceId,
      patientId: access.patientId,
      direction: 'ToPractice',
      senderPortalUserId: access.user.id,
      providerId: input.providerId,
      inReplyToId,
      ...text,
      sentAt: now,
    })
    const ids = await externalIdsOf(trx, practiceId, {
      patientExternalId: ['patients', access.patientId],
      providerExternalId: ['providers', input.providerId],
      inReplyToExternalId: ['messages', inReplyToId],
    })
    await queueSyncEvent(trx, {
      practiceId,
      kind: 'message.sent',
      entityType: 'message',
      entityId: messageId,
      payload: { messageId, inReplyToId, attachmentIds: [], sentAt: now.toISOString(), ...ids },
    })
    await audit.record(trx, 'message.sent', {
      target: { type: 'message', id: messageId },
      ...(inReplyToId ? { details: { inReplyToId } } : {}),
    })
    return messageId
  })
}
