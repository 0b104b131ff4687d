import type { Database } from '../platform/db/database.ts'

/** The audit rows of one action, on one target (a message, a summary…) if given, oldest first. */
export function auditRowsOf(db: Database, action: string, targetId?: number | string) {
  let rows = db.selectFrom('audit_events').selectAll().where('action', '=', action)
  if (targetId !== undefined) rows = rows.where('target_id', '=', String(targetId))
  return rows.orderBy('id').execute()
}
