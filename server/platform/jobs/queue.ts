import { type ExpressionBuilder, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import type { DB, JsonValue } from '../db/schema.ts'

export interface NewJob {
  practiceId: number | null
  kind: string
  payload: Record<string, JsonValue>
  runAt?: Date
  maxAttempts?: number
}

export async function enqueueJob(db: Database, job: NewJob) {
  const row = await db
    .insertInto('jobs')
    .values({
      practice_id: job.practiceId,
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      run_at: job.runAt ?? new Date(),
      max_attempts: job.maxAttempts ?? 5,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export interface ClaimedJob {
  id: number
  practice_id: number | null
  kind: string
  payload: Record<string, JsonValue>
  /** This attempt's number; with `locked_by` it names the claim (a lease lost is not ours). */
  attempts: number
  max_attempts: number
  locked_by: string
}

/** How long a claimed job stays a worker's without renewal, unless configured (JOB_LEASE_SECONDS). */
export const DEFAULT_LEASE_SECONDS = 60

/**
 * Claims the next due job: a queued one whose time has come, or a running one whose lease ran
 * out (its worker crashed or hangs), which counts as another attempt. `FOR UPDATE SKIP LOCKED`
 * lets any number of app instances share the table without two taking the same job. Due is
 * judged by the database's clock, the one its triggers queue jobs by: the app's clock counts
 * whole milliseconds (and may drift from the database's), so a job queued a moment ago would wait
 * for the next poll, and two instances' clocks would disagree on whose lease has run out.
 */
export async function claimNextJob(
  db: Database,
  workerId: string,
  now?: Date,
  leaseSeconds = DEFAULT_LEASE_SECONDS,
) {
  const moment = now ? sql`${now}::timestamptz` : sql`statement_timestamp()`
  const result = await sql<ClaimedJob>`
    update jobs set status = 'running', locked_at = ${moment}, locked_by = ${workerId},
      locked_until = ${moment} + ${leaseSeconds}::float8 * interval '1 second',
      attempts = attempts + 1
    where id = (
      select id from jobs
      where (status = 'queued' and run_at <= ${moment})
        or (status = 'running' and locked_until <= ${moment})
      order by run_at, id limit 1 for update skip locked
    )
    returning id, practice_id, kind, payload, attempts, max_attempts, locked_by`.execute(db)
  const job = result.rows[0]
  if (!job) return undefined
  return { ...job, payload: parsePayload(job.payload) }
}

/**
 * Moves the claim's lease on, while its handler works. False when the claim is no longer ours
 * (the lease ran out and another worker took the job, or it was handed back).
 */
export async function renewLease(
  db: Database,
  job: ClaimedJob,
  leaseSeconds = DEFAULT_LEASE_SECONDS,
) {
  const result = await sql`
    update jobs set locked_until = statement_timestamp() + ${leaseSeconds}::float8 * interval '1 second'
    where id = ${job.id} and status = 'running' and locked_by = ${job.locked_by}
      and attempts = ${job.attempts}`.execute(db)
  return Number(result.numAffectedRows ?? 0) > 0
}

/**
 * Gives a worker's running jobs back at once (it is stopping): queued again, due now, the attempt
 * not counted, so another instance takes them on its next poll instead of after the lease.
 */
export async function releaseJobs(db: Database, jobs: ClaimedJob[]) {
  for (const job of jobs) {
    await db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'queued',
        run_at: sql`statement_timestamp()`,
        attempts: eb('attempts', '-', 1),
        locked_at: null,
        locked_by: null,
        locked_until: null,
      }))
      .where((eb) => ownClaim(eb, job))
      .execute()
  }
}

export async function completeJob(db: Database, job: ClaimedJob, now = new Date()) {
  await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: now, locked_at: null, locked_by: null, locked_until: null })
    .where((eb) => ownClaim(eb, job))
    .execute()
}

/**
 * Schedules a retry with a growing delay, or gives up after the last attempt. A claim that is no
 * longer ours changes nothing: the job's new owner decides.
 */
export async function failJob(db: Database, job: ClaimedJob, error: string, now = new Date()) {
  const final = job.attempts >= job.max_attempts
  await db
    .updateTable('jobs')
    .set({
      status: final ? 'failed' : 'queued',
      last_error: error.slice(0, 500),
      run_at: final ? now : new Date(now.getTime() + retryDelaySeconds(job.attempts) * 1000),
      finished_at: final ? now : null,
      locked_at: null,
      locked_by: null,
      locked_until: null,
    })
    .where((eb) => ownClaim(eb, job))
    .execute()
  return final
}

function ownClaim(eb: ExpressionBuilder<DB, 'jobs'>, job: ClaimedJob) {
  return eb.and([
    eb('id', '=', job.id),
    eb('status', '=', 'running'),
    eb('locked_by', '=', job.locked_by),
    eb('attempts', '=', job.attempts),
  ])
}

/** 30 s, 2 min, 8 min, 32 min…: a mail server that is down for a while is not hammered. */
export function retryDelaySeconds(attempts: number): number {
  return 30 * 4 ** Math.max(0, attempts - 1)
}

// PGlite hands jsonb back parsed, pg too; a string means it was stored as JSON text.
function parsePayload(payload: unknown): Record<string, JsonValue> {
  if (typeof payload === 'string') return JSON.parse(payload) as Record<string, JsonValue>
  return (payload ?? {}) as Record<string, JsonValue>
}
