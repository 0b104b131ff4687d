import type { Database } from '../../platform/db/database.ts'

export async function listOutgoingEmails(db: Database, practiceId: number, limit: number) {
  return db
    .selectFrom('outgoing_emails')
    .select(['id', 'kind', 'to_address', 'subject', 'text_body', 'status', 'error'])
    .select(['created_at', 'sent_at', 'carries_secret'])
    .where('practice_id', '=', practiceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}
