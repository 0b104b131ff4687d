import type { Database } from '../platform/db/database.ts'

/** The audit rows of one action on one target (a message, a summary…), oldest first. */
export function auditRowsOf(db: Database, action: string, targetId: number | string) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', action)
    .where('target_id', '=', String(targetId))
    .orderBy('id')
    .execute()
}
