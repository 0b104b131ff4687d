import type { FastifyInstance } from 'fastify'
import { beforeAll } from 'vitest'
import type { Database } from '../platform/db/database.ts'
import type { DatabaseKind } from '../platform/db/testing.ts'
import { seedPractice } from '../testing/fixtures.ts'
import { type TestApp, useTestApp } from '../testing/suite.ts'
import { createSyncKey } from './keys.ts'

/** A practice with a sync API key, and calls to the API with that key. */
export async function syncClient(app: FastifyInstance, db: Database, name: string) {
  const practiceId = await seedPractice(db, { name })
  const { key, id: keyId } = await createSyncKey(db, practiceId, `${name} PMS`)
  const call = (method: string, path: string, payload?: unknown, bearer = key) =>
    app.inject({
      method: method as 'GET',
      url: path.startsWith('/') ? path : `/api/sync/v1/${path}`,
      headers: { authorization: `Bearer ${bearer}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    })
  return { practiceId, key, keyId, call }
}

export type SyncClient = Awaited<ReturnType<typeof syncClient>>

/**
 * The app with two practices, A and B, each with its own sync key: what one key writes, the
 * other must never read. Call first in a describe block, like useTestApp.
 */
export function useTwoSyncPractices(kind: DatabaseKind) {
  const suite = useTestApp(kind) as TestApp & { a: SyncClient; b: SyncClient }
  beforeAll(async () => {
    suite.a = await syncClient(suite.app, suite.db, 'Practice A')
    suite.b = await syncClient(suite.app, suite.db, 'Practice B')
  })
  return suite
}
