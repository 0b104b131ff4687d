import type { Database } from '../platform/db/database.ts'
import type { JsonValue } from '../platform/db/schema.ts'

export interface SyncEvent {
  practiceId: number
  /** What happened, e.g. `appointment.confirmed`, `appointment.booked`. */
  kind: string
  entityType: string
  entityId: number
  payload: Record<string, JsonValue>
}

/**
 * Records something the PMS must learn (a confirmation, a booking). The PMS pulls these through
 * the sync API and acknowledges them; written in the same transaction as the change itself.
 */
export async function queueSyncEvent(db: Database, event: SyncEvent) {
  await db
    .insertInto('sync_events')
    .values({
      practice_id: event.practiceId,
      kind: event.kind,
      entity_type: event.entityType,
      entity_id: event.entityId,
      payload: JSON.stringify(event.payload),
    })
    .execute()
}
