import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'
import type { JobHandler } from '../../platform/jobs/worker.ts'
import { deleteAcknowledgedBefore } from './queries.ts'
import { retentionCutoff } from './rules.ts'

export const PRUNE_SYNC_EVENTS_JOB = 'sync.prune-events'
export const PRUNE_INTERVAL_MS = 3_600_000

/**
 * Queues the next retention run unless one is queued already (migration 0013's unique index
 * keeps it to one however many instances ask). Each instance asks at start; each run asks for the
 * next, so the job keeps itself going.
 */
export async function schedulePruneSyncEvents(db: Database, runAt = new Date()) {
  await sql`
    insert into jobs (kind, payload, run_at) values (${PRUNE_SYNC_EVENTS_JOB}, '{}', ${runAt})
    on conflict (kind) where kind = 'sync.prune-events' and status = 'queued' do nothing`.execute(
    db,
  )
}

/** Deletes events acknowledged more than `retentionDays` ago; unacknowledged ones stay. */
export function pruneSyncEventsJob(db: Database, retentionDays: number): JobHandler {
  return async () => {
    const now = new Date()
    await schedulePruneSyncEvents(db, new Date(now.getTime() + PRUNE_INTERVAL_MS))
    await deleteAcknowledgedBefore(db, retentionCutoff(now, retentionDays))
  }
}
