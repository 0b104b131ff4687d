import type { Database } from '../../platform/db/database.ts'
import type { FileStorage } from '../../platform/files/storage.ts'
import { Invalid, NotFound } from '../../platform/http/problems.ts'
import { insertAttachments } from '../../practice/messages/attachment-queries.ts'
import {
  type CheckedFile,
  readSentFile,
  type SentFile,
  withStoredFiles,
} from '../../practice/messages/attachments.ts'
import { checkProviderAndThread } from '../../practice/messages/checks.ts'
import { queueMessageNotifications } from '../../practice/messages/notify.ts'
import { insertMessage } from '../../practice/messages/queries.ts'
import { cleanMessageText, messageProblems } from '../../practice/messages/rules.ts'
import type { ActingStaff, StaffAuditor } from '../staff-audit.ts'
import { patientOfPractice } from './queries.ts'

/** The largest file the office attaches (the request's limit is set from it). */
export const OFFICE_ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024

export interface OfficeMessage {
  patientId: number
  providerId: number | null
  subject: string
  body: string
  inReplyToId?: number | undefined
  attachments?: SentFile[] | undefined
}

/** Checks the office's files: up to 8 MB each, images or PDFs as their bytes prove. */
function checkOfficeFiles(attachments: readonly SentFile[]): CheckedFile[] {
  return attachments.map((attachment, index) => {
    const { bytes, type, fileName } = readSentFile(attachment)
    const field = `attachments/${index}`
    if (bytes.length === 0 || bytes.length > OFFICE_ATTACHMENT_MAX_BYTES) {
      throw new Invalid('The attachment cannot be sent.', { [field]: 'Attach a file up to 8 MB.' })
    }
    if (!type) {
      throw new Invalid('The attachment cannot be sent.', {
        [field]: 'Attach an image (PNG, JPEG, GIF) or a PDF.',
      })
    }
    return { bytes, type, fileName }
  })
}

/**
 * A staff member writes to a patient (or answers them): the message, its attachments, the
 * notification emails and the audit row in one transaction (the files are stored just before it
 * and removed again if it fails, so none is left that no row names). The emails hold the Portal Settings
 * subject and text and the portal's address only, never a word of the message; a mail server
 * that is down delays them (they are jobs) and loses nothing.
 */
export async function sendOfficeMessage(
  db: Database,
  files: FileStorage,
  staff: ActingStaff,
  audit: StaffAuditor,
  input: OfficeMessage,
  { now, portalUrl }: { now: Date; portalUrl: string },
): Promise<number> {
  const practiceId = staff.practice_id
  const problems = messageProblems(input)
  if (problems) throw new Invalid('The message cannot be sent.', problems)
  if (!(await patientOfPractice(db, practiceId, input.patientId)))
    throw new NotFound('No such patient.')
  const inReplyToId = await checkProviderAndThread(db, practiceId, input, {
    patientId: input.patientId,
    patientField: 'patientId',
    providerProblem: 'Choose a provider.',
  })
  const checked = checkOfficeFiles(input.attachments ?? [])
  return withStoredFiles(files, practiceId, checked, (stored) =>
    db.transaction().execute(async (trx) => {
      const messageId = await insertMessage(trx, {
        practiceId,
        patientId: input.patientId,
        direction: 'ToPatient',
        senderStaffUserId: staff.id,
        providerId: input.providerId,
        inReplyToId,
        ...cleanMessageText(input),
        sentAt: now,
      })
      await insertAttachments(trx, practiceId, messageId, stored)
      const notified = await queueMessageNotifications(trx, practiceId, input.patientId, portalUrl)
      await audit.record(trx, 'message.sent', {
        patientId: input.patientId,
        target: { type: 'message', id: messageId },
        details: {
          attachments: stored.length,
          notified,
          ...(inReplyToId ? { inReplyToId } : {}),
        },
      })
      return messageId
    }),
  )
}
