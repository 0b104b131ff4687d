import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'
import type { SyncEventEnvelope } from './schemas.ts'

/**
 * Up to `count` events of the practice in order: after `after` when given (acknowledged ones too,
 * while kept), otherwise from the first one not yet acknowledged.
 */
export async function listEvents(
  db: Database,
  practiceId: number,
  { after, count }: { after?: string; count: number },
): Promise<SyncEventEnvelope[]> {
  let query = db
    .selectFrom('sync_events')
    .select(['id', 'kind', 'created_at', 'payload'])
    .where('practice_id', '=', practiceId)
    .orderBy('id')
    .limit(count)
  query =
    after === undefined
      ? query.where('acknowledged_at', 'is', null)
      : query.where('id', '>', sql<number>`${after}::bigint`)
  const rows = await query.execute()
  return rows.map(envelope)
}

/** Acknowledges every event of the practice up to `cursor`; answers how many were new. */
export async function acknowledgeEvents(
  db: Database,
  practiceId: number,
  cursor: string,
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable('sync_events')
    .set({ acknowledged_at: now })
    .where('practice_id', '=', practiceId)
    .where('id', '<=', sql<number>`${cursor}::bigint`)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** The event a webhook job announces, unless it was acknowledged or deleted meanwhile. */
export async function findPendingEvent(db: Database, practiceId: number, eventId: number) {
  const row = await db
    .selectFrom('sync_events')
    .select(['id', 'kind', 'created_at', 'payload'])
    .where('practice_id', '=', practiceId)
    .where('id', '=', eventId)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst()
  return row ? envelope(row) : undefined
}

/** Deletes events acknowledged before `cutoff` (every practice); answers how many. */
export async function deleteAcknowledgedBefore(db: Database, cutoff: Date): Promise<number> {
  const result = await db
    .deleteFrom('sync_events')
    .where('acknowledged_at', '<', cutoff)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function saveWebhook(
  db: Database,
  practiceId: number,
  webhook: { url: string; sealedSecret: string },
) {
  await db
    .insertInto('sync_webhooks')
    .values({ practice_id: practiceId, url: webhook.url, sealed_secret: webhook.sealedSecret })
    .onConflict((conflict) =>
      conflict.column('practice_id').doUpdateSet({
        url: webhook.url,
        sealed_secret: webhook.sealedSecret,
        updated_at: new Date(),
      }),
    )
    .execute()
}

export async function findWebhook(db: Database, practiceId: number) {
  return db
    .selectFrom('sync_webhooks')
    .select(['url', 'sealed_secret'])
    .where('practice_id', '=', practiceId)
    .executeTakeFirst()
}

export async function removeWebhook(db: Database, practiceId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('sync_webhooks')
    .where('practice_id', '=', practiceId)
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}

interface EventRow {
  id: number
  kind: string
  created_at: Date
  payload: unknown
}

function envelope(row: EventRow): SyncEventEnvelope {
  // PGlite and pg hand jsonb back parsed; a string means it was stored as JSON text.
  const data = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload
  return {
    id: String(row.id),
    type: row.kind,
    occurredAt: new Date(row.created_at).toISOString(),
    data: (data ?? {}) as Record<string, unknown>,
  }
}
