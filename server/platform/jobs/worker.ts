import { randomUUID } from 'node:crypto'
import type { Database } from '../db/database.ts'
import {
  type ClaimedJob,
  claimNextJob,
  completeJob,
  DEFAULT_LEASE_SECONDS,
  failJob,
  releaseJobs,
  renewLease,
} from './queue.ts'

/**
 * Does one job's work; throwing schedules a retry. `final` says no retry will follow. `abandon`,
 * when given, is told that the job will not run again because its worker stopped (crashed, was
 * killed, hung) during its last attempt, so whatever waits on it can be marked failed.
 */
export type JobHandler = ((job: ClaimedJob, context: { final: boolean }) => Promise<void>) & {
  abandon?: (job: ClaimedJob) => Promise<void>
}

export interface WorkerOptions {
  pollMilliseconds?: number
  /** How long a claimed job stays this worker's between renewals (JOB_LEASE_SECONDS). */
  leaseSeconds?: number
  /** How many jobs run at once, so one slow job does not hold up the others (JOB_CONCURRENCY). */
  concurrency?: number
  onError?: (error: unknown, job?: ClaimedJob) => void
}

export const DEFAULT_CONCURRENCY = 4
/** Long enough for an email being sent to go out, short beside a shutdown's time limit. */
export const DEFAULT_STOP_GRACE_MILLISECONDS = 2000

interface Running {
  job: ClaimedJob
  done: Promise<void>
  /** Handed back by stop(): its lease is no longer renewed. */
  released: boolean
}

/**
 * Runs due jobs from the `jobs` table with the handler registered for each kind, several at a
 * time, each under a lease that is renewed while its handler works (see claimNextJob).
 */
export function createJobWorker(
  db: Database,
  handlers: Record<string, JobHandler>,
  options: WorkerOptions = {},
) {
  const workerId = randomUUID()
  const leaseSeconds = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY)
  const running = new Set<Running>()
  let polling: Promise<void> | undefined
  let wake: (() => void) | undefined
  let stopped = false

  const claim = () => claimNextJob(db, workerId, undefined, leaseSeconds)

  function track(job: ClaimedJob): Promise<void> {
    const entry: Running = { job, done: Promise.resolve(), released: false }
    entry.done = runClaimed(entry).finally(() => {
      running.delete(entry)
      wake?.()
    })
    running.add(entry)
    return entry.done
  }

  /** Never rejects: a failure is recorded on the job (or reported) and the worker goes on. */
  async function runClaimed(entry: Running) {
    const { job } = entry
    const heartbeat = keepLease(entry)
    try {
      if (job.attempts > job.max_attempts) {
        await abandon(job)
        return
      }
      const handler = handlers[job.kind]
      if (!handler) throw new Error(`No handler for job kind ${job.kind}`)
      await handler(job, { final: job.attempts >= job.max_attempts })
      clearInterval(heartbeat)
      await completeJob(db, job)
    } catch (error) {
      clearInterval(heartbeat)
      options.onError?.(error, job)
      await failJob(db, job, error instanceof Error ? error.message : String(error)).catch(
        (failed: unknown) => options.onError?.(failed, job),
      )
    } finally {
      clearInterval(heartbeat)
    }
  }

  /** Its worker stopped during the last attempt: fail it rather than run it past its limit. */
  async function abandon(job: ClaimedJob) {
    await handlers[job.kind]?.abandon?.(job)
    await failJob(db, job, 'The worker running the last attempt stopped before it finished.')
  }

  /** Renews the lease a few times per lease period, so a pause or a slow renewal is survived. */
  function keepLease(entry: Running) {
    const timer = setInterval(
      async () => {
        if (entry.released) return clearInterval(timer)
        try {
          if (!(await renewLease(db, entry.job, leaseSeconds))) {
            clearInterval(timer)
            if (!entry.released) options.onError?.(new Error('The job lease was lost'), entry.job)
          }
        } catch (error) {
          // The database is unreachable for now: the next beat tries again.
          options.onError?.(error, entry.job)
        }
      },
      (leaseSeconds * 1000) / 4,
    )
    timer.unref()
    return timer
  }

  /** Runs every job that is due now; resolves with how many ran. Tests call this directly. */
  async function runDue(): Promise<number> {
    let count = 0
    const lane = async () => {
      while (!stopped) {
        const job = await claim()
        if (!job) return
        count++
        await track(job)
      }
    }
    await Promise.all(Array.from({ length: concurrency }, lane))
    return count
  }

  async function poll() {
    while (!stopped) {
      if (running.size < concurrency) {
        const job = await claim().catch((error: unknown) => {
          options.onError?.(error)
          return undefined
        })
        if (job && !stopped) {
          track(job)
          continue
        }
        if (job) await releaseJobs(db, [job]).catch(() => {})
      }
      await pause(options.pollMilliseconds ?? 1000)
    }
  }

  /** Waits for the next poll, or less: a job finishing frees a slot, stop() ends the wait. */
  function pause(milliseconds: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, milliseconds)
      timer.unref()
      function done() {
        clearTimeout(timer)
        wake = undefined
        resolve()
      }
      wake = done
    })
  }

  return {
    runDue,
    start() {
      if (polling) return
      stopped = false
      polling = poll().finally(() => {
        polling = undefined
      })
    },
    /**
     * Stops claiming, gives running jobs `graceMilliseconds` to finish, then hands the rest back
     * (queued again, due now) so another instance takes them at once instead of after the lease.
     * A handler still running after that may finish its work anyway: jobs are at least once.
     */
    async stop({ graceMilliseconds = DEFAULT_STOP_GRACE_MILLISECONDS } = {}) {
      stopped = true
      wake?.()
      await polling
      if (running.size === 0) return
      if (graceMilliseconds > 0) await settle(graceMilliseconds)
      const left = [...running]
      for (const entry of left) entry.released = true
      // A database gone away must not keep the rest of the shutdown from running: the leases
      // then run out and another instance takes the jobs.
      await releaseJobs(
        db,
        left.map((entry) => entry.job),
      ).catch(() => 0)
    },
  }

  function settle(milliseconds: number) {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, milliseconds)
    })
    return Promise.race([Promise.all([...running].map((entry) => entry.done)), timeout]).finally(
      () => clearTimeout(timer),
    )
  }
}

export type JobWorker = ReturnType<typeof createJobWorker>
