import type { Database } from '../db/database.ts'
import { enqueueJob } from '../jobs/queue.ts'
import type { JobHandler } from '../jobs/worker.ts'
import type { FileStorage } from './storage.ts'

export const REMOVE_FILES_JOB = 'files.remove'

/**
 * Removes stored files once the write that dropped them has committed. Queued in that write's own
 * transaction: a rolled-back write queues nothing, so its rows never point at a removed file, and
 * a committed one loses its replaced files a moment later. Callers pass only keys no row can take
 * up again (each written file gets a fresh key), so a late removal never hits a live file.
 */
export async function queueFileRemoval(
  db: Database,
  practiceId: number,
  keys: (string | null | undefined)[],
) {
  const removable = [...new Set(keys.filter((key): key is string => Boolean(key)))]
  if (removable.length === 0) return
  await enqueueJob(db, { practiceId, kind: REMOVE_FILES_JOB, payload: { keys: removable } })
}

/** The job: removing a file that is already gone is no failure, so a retry is harmless. */
export function removeFilesJob(files: FileStorage): JobHandler {
  return async (job) => {
    const keys = job.payload.keys
    if (!Array.isArray(keys)) return
    for (const key of keys) if (typeof key === 'string') await files.remove(key)
  }
}
