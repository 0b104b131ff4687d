import type { Database } from '../platform/db/database.ts'
import type { FileStorage } from '../platform/files/storage.ts'
import type { SyncContext } from './collection.ts'
import { externalRefs } from './refs.ts'

/** What a collection writes with: `db` is the request's (or the batch's) transaction. */
export function syncContext(
  db: Database,
  practiceId: number,
  files: FileStorage,
  portalUrl: string,
): SyncContext {
  return { db, practiceId, files, portalUrl, refs: externalRefs(db, practiceId) }
}
