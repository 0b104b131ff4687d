import { sql } from 'kysely'
import { afterAll, beforeAll } from 'vitest'
import type { DatabaseKind } from '../../platform/db/testing.ts'
import { createTestDatabase } from '../../platform/db/testing.ts'
import { REMOVE_FILES_JOB, removeFilesJob } from '../../platform/files/removal.ts'
import { createJobWorker } from '../../platform/jobs/worker.ts'
import { FAMILY_PASSWORD, seedFamilyWithRecords } from '../../testing/family.ts'
import { buildTestApp, portalSignIn } from '../../testing/http.ts'
import type { SyncCollection, SyncContext } from '../collection.ts'
import { syncContext } from '../context.ts'
import { createSyncKey } from '../keys.ts'

/**
 * The Garcia family (server/testing/family.ts) as a PMS knows them: each patient carries their
 * first name, lower-cased, as external id (`maria`, `luis`, `sofia`), the clinic and provider
 * `downtown` and `ana`. Collections are called as the sync routes call them, one transaction
 * per call; the portal is read through the whole app as Maria, who represents her family.
 */
export async function syncedFamily(kind: DatabaseKind) {
  const database = await createTestDatabase(kind)
  const db = database.db
  const built = await buildTestApp(database)
  const seeded = await seedFamilyWithRecords(db, { files: built.files })
  const { practiceId } = seeded
  for (const [name, id] of Object.entries(seeded.patients)) {
    await db.updateTable('patients').set({ external_id: name }).where('id', '=', id).execute()
  }
  for (const table of ['clinics', 'providers'] as const) {
    await db
      .updateTable(table)
      .set({ external_id: table === 'clinics' ? 'downtown' : 'ana' })
      .where('practice_id', '=', practiceId)
      .execute()
  }
  const maria = await portalSignIn(built.app, 'maria.garcia', FAMILY_PASSWORD)
  const { key } = await createSyncKey(db, practiceId, 'Garcia family PMS')
  const files = built.files

  const inTransaction = <T>(work: (ctx: SyncContext) => Promise<T>) =>
    db
      .transaction()
      .execute((trx) => work(syncContext(trx, practiceId, files, 'http://localhost/')))

  return {
    db,
    files,
    seeded,
    /** The whole app and Maria's session cookie, for portal routes outside a patient's path. */
    app: built.app,
    maria,
    practiceId,
    inTransaction,
    put: (collection: SyncCollection, externalId: string, body: unknown) =>
      inTransaction((ctx) => collection.upsert(ctx, externalId, body as never)),
    read: (collection: SyncCollection, externalId: string) =>
      inTransaction((ctx) => collection.read(ctx, externalId)),
    remove: (collection: SyncCollection, externalId: string) =>
      inTransaction((ctx) => collection.remove(ctx, externalId)),
    /** A call to the sync API with the practice's key: `call('PUT', 'statements/st-1', body)`. */
    call: (method: 'GET' | 'PUT' | 'DELETE' | 'POST', path: string, payload?: object) =>
      built.app.inject({
        method,
        url: `/api/sync/v1/${path}`,
        headers: { authorization: `Bearer ${key}` },
        ...(payload ? { payload } : {}),
      }),
    /** A portal read as Maria, once every change so far has dropped the reads it touched. */
    async portal(path: string, options: { method?: 'GET' | 'POST'; headers?: object } = {}) {
      await built.reads.settle()
      return built.app.inject({
        method: options.method ?? 'GET',
        url: `/api/portal/patients/${path}`,
        headers: { cookie: maria, ...options.headers },
      })
    },
    /** Runs the file removals queued so far, as the background worker would. */
    removeQueuedFiles: () =>
      createJobWorker(db, { [REMOVE_FILES_JOB]: removeFilesJob(files) }).runDue(),
    /** The row's transaction id: it moves only when the row is written. */
    async rowVersion(table: string, externalId: string) {
      const { rows } = await sql<{ xmin: string }>`
        select xmin::text from ${sql.table(table)}
        where practice_id = ${practiceId} and external_id = ${externalId}`.execute(db)
      return rows[0]?.xmin
    },
    async close() {
      await built.close()
      await database.destroy()
    },
  }
}

export type SyncedFamily = Awaited<ReturnType<typeof syncedFamily>>

/**
 * A synced family of the suite's own, made before its tests and closed after them: call first in
 * a describe block, like useTestApp, and read it inside tests and hooks (it is filled in by then).
 */
export function useSyncedFamily(kind: DatabaseKind): SyncedFamily {
  const family = {} as SyncedFamily
  beforeAll(async () => {
    Object.assign(family, await syncedFamily(kind))
  })
  afterAll(async () => {
    await family.close?.()
  })
  return family
}
