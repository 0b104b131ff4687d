import type { Database } from '../../platform/db/database.ts'
import type { FileStorage } from '../../platform/files/storage.ts'
import { Invalid } from '../../platform/http/problems.ts'
import {
  insertAttachments,
  patientAttachmentSettings,
} from '../../practice/messages/attachment-queries.ts'
import {
  type CheckedFile,
  readSentFile,
  type SentFile,
  withStoredFiles,
} from '../../practice/messages/attachments.ts'
import { checkProviderAndThread } from '../../practice/messages/checks.ts'
import { insertMessage } from '../../practice/messages/queries.ts'
import {
  attachmentProblem,
  base64DecodedLength,
  cleanMessageText,
  messageProblems,
  patientAttachmentDecision,
} from '../../practice/messages/rules.ts'
import { queueSyncEventWithExternalIds } from '../../sync/outbox.ts'
import type { Auditor, PatientAccess } from '../audit-read.ts'

export interface PatientMessage {
  providerId: number | null
  subject: string
  body: string
  inReplyToId?: number | undefined
  attachments?: SentFile[] | undefined
}

/**
 * The files a patient attaches, each checked against Portal Settings (allowed at all, the size
 * limit) and its bytes (an image or a PDF, whatever its name says); one refused file refuses the
 * message, naming the file's field.
 */
async function checkPatientFiles(
  db: Database,
  practiceId: number,
  sent: readonly SentFile[],
): Promise<CheckedFile[]> {
  if (sent.length === 0) return []
  const settings = await patientAttachmentSettings(db, practiceId)
  const problems: Record<string, string> = {}
  const checked: CheckedFile[] = []
  sent.forEach((file, index) => {
    // Refused by the settings or its size before its bytes are decoded: a family whose practice
    // takes no files, or a file over the limit, costs no decoding.
    const early = patientAttachmentDecision({
      ...settings,
      size: base64DecodedLength(file.contentBase64),
      provenType: null,
    })
    if (early !== 'wrong-type' && early !== 'ok') {
      problems[`attachments/${index}`] = attachmentProblem(early, settings.maxBytes)
      return
    }
    const read = readSentFile(file)
    const decision = patientAttachmentDecision({
      ...settings,
      size: read.bytes.length,
      provenType: read.type,
    })
    if (decision !== 'ok')
      problems[`attachments/${index}`] = attachmentProblem(decision, settings.maxBytes)
    else if (read.type) checked.push({ ...read, type: read.type })
  })
  if (Object.keys(problems).length > 0) {
    throw new Invalid('The attachment cannot be sent.', problems)
  }
  return checked
}

/**
 * A family member writes to the practice regarding a patient the guard let through (themself,
 * or someone they represent): the message, its sync event (`message.sent`, for the PMS to file)
 * and its audit row in one transaction, with the files it carries (stored first, removed again
 * if the transaction fails). A reply stays in its thread: it must answer a message the
 * family may read, about the same patient.
 */
export async function sendPatientMessage(
  db: Database,
  files: FileStorage,
  access: PatientAccess & { patientIds: readonly number[] },
  audit: Auditor,
  input: PatientMessage,
  now: Date,
): Promise<number> {
  const practiceId = access.user.practice_id
  const problems = messageProblems(input)
  if (problems) throw new Invalid('The message cannot be sent.', problems)
  const inReplyToId = await checkProviderAndThread(db, practiceId, input, {
    patientId: access.patientId,
    readable: access.patientIds,
    patientField: 'regardingPatientId',
    providerProblem: 'Choose whom to write to.',
  })
  const text = cleanMessageText(input)
  const checked = await checkPatientFiles(db, practiceId, input.attachments ?? [])
  return withStoredFiles(files, practiceId, checked, (stored) =>
    db.transaction().execute(async (trx) => {
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
      const attachmentIds = await insertAttachments(trx, practiceId, messageId, stored)
      await queueSyncEventWithExternalIds(trx, {
        practiceId,
        kind: 'message.sent',
        entityType: 'message',
        entityId: messageId,
        payload: { messageId, inReplyToId, attachmentIds, sentAt: now.toISOString() },
        externalIds: {
          patientExternalId: ['patients', access.patientId],
          providerExternalId: ['providers', input.providerId],
          inReplyToExternalId: ['messages', inReplyToId],
        },
      })
      await audit.record(trx, 'message.sent', {
        target: { type: 'message', id: messageId },
        details: { attachments: attachmentIds.length, ...(inReplyToId ? { inReplyToId } : {}) },
      })
      return messageId
    }),
  )
}
