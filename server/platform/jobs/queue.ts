import { sql } from 'kysely'
import type { Database } from '../db/database.ts'
import type { JsonValue } from '../db/schema.ts'

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
  attempts: number
  max_attempts: number
}

/**
 * Claims the next due job. `FOR UPDATE SKIP LOCKED` lets any number of app instances share the
 * table without two taking the same job. Due is judged by the database's clock, the one its
 * triggers queue jobs by: the app's clock counts whole milliseconds (and may drift from the
 * database's), so a job queued a moment ago would wait for the next poll.
 */
export async function claimNextJob(db: Database, workerId: string, now?: Date) {
  const moment = now ? sql`${now}::timestamptz` : sql`statement_timestamp()`
  const result = await sql<ClaimedJob>`
    update jobs set status = 'running', locked_at = ${moment}, locked_by = ${workerId},
      attempts = attempts + 1
    where id = (
      select id from jobs where status = 'queued' and run_at <= ${moment}
      order by run_at, id limit 1 for update skip locked
    )
    returning id, practice_id, kind, payload, attempts, max_attempts`.execute(db)
  const job = result.rows[0]
  if (!job) return undefined
  return { ...job, payload: parsePayload(job.payload) }
}

export async function completeJob(db: Database, jobId: number, now = new Date()) {
  await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: now, locked_at: null, locked_by: null })
    .where('id', '=', jobId)
    .execute()
}

/** Schedules a retry with a growing delay, or gives up after the last attempt. */
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
    })
    .where('id', '=', job.id)
    .execute()
  return final
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
