import { recordAudit } from '../../platform/audit/audit.ts'
import type { Database } from '../../platform/db/database.ts'
import type { SyncKeyHolder } from '../keys.ts'
import { acknowledgeEvents, listEvents } from './queries.ts'
import { feedPage } from './rules.ts'
import { DEFAULT_EVENTS_PAGE, type EventsPage } from './schemas.ts'

/** A page of the key's practice's events, audited with its count (never the events' content). */
export async function readEventFeed(
  db: Database,
  key: SyncKeyHolder,
  { after, limit = DEFAULT_EVENTS_PAGE }: { after?: string; limit?: number },
): Promise<EventsPage> {
  const rows = await listEvents(db, key.practiceId, { after, count: limit + 1 })
  const page = feedPage(rows, limit, after)
  await auditSync(db, key, 'sync.events.read', { count: page.events.length })
  return page
}

/** Acknowledges every event up to `cursor`: they are deleted after the retention period. */
export async function acknowledgeEventFeed(
  db: Database,
  key: SyncKeyHolder,
  cursor: string,
  now = new Date(),
): Promise<{ acknowledged: number }> {
  return db.transaction().execute(async (trx) => {
    const acknowledged = await acknowledgeEvents(trx, key.practiceId, cursor, now)
    await auditSync(trx, key, 'sync.events.acknowledged', { count: acknowledged })
    return { acknowledged }
  })
}

export function auditSync(
  db: Database,
  key: SyncKeyHolder,
  action: string,
  details: Record<string, string | number>,
) {
  return recordAudit(db, {
    practiceId: key.practiceId,
    actor: { type: 'sync' },
    action,
    details: { keyId: key.keyId, ...details },
  })
}
