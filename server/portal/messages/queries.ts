import type { Database } from '../../platform/db/database.ts'
import { attachmentsOf } from '../../practice/messages/attachment-queries.ts'
import { findMessage, listBox, unreadByPatient } from '../../practice/messages/queries.ts'
import { type Box, patientBoxDirection } from '../../practice/messages/rules.ts'

/** What a family reads: the messages about the patients the signed-in user may see. */
export interface FamilyReader {
  practiceId: number
  patientIds: readonly number[]
}

/** One page of the family's Inbox or Sent and the Inbox's unread count, read together. */
export async function familyBox(
  db: Database,
  reader: FamilyReader,
  box: Box,
  before: string | undefined,
  limit: number,
) {
  const [rows, unread] = await Promise.all([
    listBox(
      db,
      {
        practiceId: reader.practiceId,
        direction: patientBoxDirection(box),
        patientIds: reader.patientIds,
      },
      { before, limit },
    ),
    unreadByPatient(db, reader.practiceId, reader.patientIds),
  ])
  return { rows, unread }
}

/** An attachment of a message the family may read, or undefined. */
export async function familyAttachment(
  db: Database,
  reader: FamilyReader,
  messageId: number,
  attachmentId: number,
) {
  const message = await findMessage(db, reader.practiceId, messageId, reader.patientIds)
  if (!message) return undefined
  const attachments = await attachmentsOf(db, reader.practiceId, messageId)
  const attachment = attachments.find((row) => row.id === attachmentId)
  return attachment && { message, attachment }
}
