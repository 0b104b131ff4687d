import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'

/**
 * A message's attachments in the order sent: its own files, or the documents the PMS attached
 * (sync API `messages`), read from the document so a replaced file is the one served.
 */
export function attachmentsOf(db: Database, practiceId: number, messageId: number) {
  return db
    .selectFrom('message_attachments as a')
    .leftJoin('documents as d', (join) =>
      join.onRef('d.id', '=', 'a.document_id').onRef('d.practice_id', '=', 'a.practice_id'),
    )
    .select([
      'a.id',
      sql<string>`coalesce(d.file_name, a.file_name)`.as('file_name'),
      sql<string>`coalesce(d.content_type, a.content_type)`.as('content_type'),
      sql<number>`coalesce(d.size_bytes, a.size_bytes)`.as('size_bytes'),
      sql<string>`coalesce(d.storage_key, a.storage_key)`.as('storage_key'),
    ])
    .where('a.practice_id', '=', practiceId)
    .where('a.message_id', '=', messageId)
    .orderBy('a.sort_order')
    .orderBy('a.id')
    .execute()
}

export type AttachmentRow = Awaited<ReturnType<typeof attachmentsOf>>[number]

/** Whether the practice lets patients attach files (Portal Settings), and the per-file limit. */
export async function patientAttachmentSettings(db: Database, practiceId: number) {
  const row = await db
    .selectFrom('portal_settings')
    .select(['webmail_patient_attachments', 'webmail_attachment_max_bytes'])
    .where('practice_id', '=', practiceId)
    .executeTakeFirst()
  return {
    allowed: row?.webmail_patient_attachments ?? false,
    maxBytes: row?.webmail_attachment_max_bytes ?? 0,
  }
}

/** Names a message's stored files; run in the sending transaction. */
export async function insertAttachments(
  db: Database,
  practiceId: number,
  messageId: number,
  stored: readonly { fileName: string; type: string; bytes: Buffer; storageKey: string }[],
) {
  if (stored.length === 0) return []
  const rows = await db
    .insertInto('message_attachments')
    .values(
      stored.map((file) => ({
        practice_id: practiceId,
        message_id: messageId,
        file_name: file.fileName,
        content_type: file.type,
        size_bytes: file.bytes.length,
        storage_key: file.storageKey,
      })),
    )
    .returning('id')
    .execute()
  return rows.map((row) => row.id)
}
