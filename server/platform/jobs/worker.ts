import { randomUUID } from 'node:crypto'
import type { Database } from '../db/database.ts'
import { type ClaimedJob, claimNextJob, completeJob, failJob } from './queue.ts'

/** Does one job's work; throwing schedules a retry. `final` says no retry will follow. */
export type JobHandler = (job: ClaimedJob, context: { final: boolean }) => Promise<void>

export interface WorkerOptions {
  pollMilliseconds?: number
  onError?: (error: unknown, job: ClaimedJob) => void
}

/** Runs due jobs from the `jobs` table with the handler registered for each kind. */
export function createJobWorker(
  db: Database,
  handlers: Record<string, JobHandler>,
  options: WorkerOptions = {},
) {
  const workerId = randomUUID()
  let timer: NodeJS.Timeout | undefined
  let running: Promise<number> | undefined
  let stopped = false

  async function runOne(): Promise<boolean> {
    const job = await claimNextJob(db, workerId)
    if (!job) return false
    const handler = handlers[job.kind]
    try {
      if (!handler) throw new Error(`No handler for job kind ${job.kind}`)
      await handler(job, { final: job.attempts >= job.max_attempts })
      await completeJob(db, job.id)
    } catch (error) {
      options.onError?.(error, job)
      await failJob(db, job, error instanceof Error ? error.message : String(error))
    }
    return true
  }

  /** Runs every job that is due now; resolves with how many ran. Tests call this directly. */
  async function runDue(): Promise<number> {
    let count = 0
    while (!stopped && (await runOne())) count++
    return count
  }

  function schedule() {
    if (stopped) return
    timer = setTimeout(async () => {
      running = runDue()
      await running.catch(() => 0)
      running = undefined
      schedule()
    }, options.pollMilliseconds ?? 1000)
    timer.unref()
  }

  return {
    runDue,
    start() {
      stopped = false
      schedule()
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      // The job at hand finishes (or fails and is retried later); a database gone away must
      // not keep the rest of the shutdown from running.
      await running?.catch(() => 0)
    },
  }
}

export type JobWorker = ReturnType<typeof createJobWorker>
