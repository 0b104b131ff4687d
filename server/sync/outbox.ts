import { sql } from 'kysely'
import type { Database } from '../platform/db/database.ts'
import type { JsonValue } from '../platform/db/schema.ts'
import type { SyncEventDataOf, SyncEventType } from './events/schemas.ts'
import { COLLECTION_TABLES, type ReferableCollection } from './refs.ts'

/** The job that POSTs one event to the practice's webhook (server/sync/events/webhooks.ts). */
export const SYNC_WEBHOOK_JOB = 'sync.webhook'
/** 30 s, 2 min, 8 min, 32 min, 2 h, 8.5 h, 34 h: a receiver down for a day still hears of it. */
export const WEBHOOK_ATTEMPTS = 8

/** The advisory-lock namespace of event numbering (the second key is the practice). */
const SYNC_EVENT_LOCK = 0x5e7e

export interface SyncEvent<K extends string = string> {
  practiceId: number
  /** What happened, e.g. `appointment.confirmed`, `recall.booked`. */
  kind: K
  entityType: string
  entityId: number
  /** The known types' data is typed by SyncEventData (events/schemas.ts). */
  payload: K extends SyncEventType ? SyncEventDataOf<K> : Record<string, JsonValue>
}

/**
 * Records something the PMS must learn (a confirmation, a booking). The PMS pulls these through
 * the sync API and acknowledges them; written in the same transaction as the change itself (call it
late in the transaction: it serializes the practice's events from here to commit). When
 * the practice has a webhook, the job announcing the event is queued in the same statement.
 */
export async function queueSyncEvent<K extends string>(db: Database, event: SyncEvent<K>) {
  // A practice's events take their ids in commit order: otherwise an event numbered 10 could
  // commit after the PMS read 11 and acknowledged up to it, and never be seen. The lock is held
  // to the end of the transaction, which by then only writes its audit row.
  await sql`select pg_advisory_xact_lock(${SYNC_EVENT_LOCK}::integer, ${event.practiceId}::integer)`.execute(
    db,
  )
  await sql`
    with event as (
      insert into sync_events (practice_id, kind, entity_type, entity_id, payload)
      values (${event.practiceId}, ${event.kind}, ${event.entityType}, ${event.entityId},
        ${JSON.stringify(event.payload)}::jsonb)
      returning id, practice_id
    )
    insert into jobs (practice_id, kind, payload, max_attempts)
    select event.practice_id, ${SYNC_WEBHOOK_JOB}::text, jsonb_build_object('eventId', event.id),
      ${WEBHOOK_ATTEMPTS}::integer
    from event join sync_webhooks webhook on webhook.practice_id = event.practice_id`.execute(db)
}

/**
 * The PMS's external ids of several rows of one practice in one round trip, for an event's data:
 * `{ patientExternalId: ['patients', 12] }` → `{ patientExternalId: 'PAT-7' }`. Null for a row the
 * PMS never sent (created in Bitewing, or by the demo) or a null id.
 */
async function externalIdsOf<K extends string>(
  db: Database,
  practiceId: number,
  rows: ExternalIdRefs<K>,
): Promise<Record<K, string | null>> {
  const entries = Object.entries(rows) as [K, readonly [ReferableCollection, number | null]][]
  const columns = entries.map(
    ([name, [collection, id]]) =>
      sql`(select external_id from ${sql.table(COLLECTION_TABLES[collection])}
        where practice_id = ${practiceId}::bigint and id = ${id}::bigint) as ${sql.ref(name)}`,
  )
  const result = await sql<Record<K, string | null>>`select ${sql.join(columns)}`.execute(db)
  return result.rows[0] as Record<K, string | null>
}

/** The rows an event's data names, each by table and id: `{ patientExternalId: ['patients', 12] }`. */
export type ExternalIdRefs<K extends string> = Record<
  K,
  readonly [ReferableCollection, number | null]
>

/**
 * Queues an event (queueSyncEvent) whose data names rows by the PMS's external ids, as the
 * portal's and the office's changes do: the ids are read in the same transaction (externalIdsOf)
 * and join the rest of the event's data.
 */
export async function queueSyncEventWithExternalIds<
  K extends SyncEventType,
  R extends keyof SyncEventDataOf<K> & string,
>(
  db: Database,
  event: Omit<SyncEvent<K>, 'payload'> & {
    payload: Omit<SyncEventDataOf<K>, R>
    externalIds: ExternalIdRefs<R>
  },
) {
  const { externalIds, payload, ...rest } = event
  const ids = await externalIdsOf(db, event.practiceId, externalIds)
  // The ids fill exactly the data's fields the payload leaves out (R).
  await queueSyncEvent(db, { ...rest, payload: { ...payload, ...ids } as SyncEvent<K>['payload'] })
}
