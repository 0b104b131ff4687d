import type { FastifyInstance } from 'fastify'
import type { Database } from '../platform/db/database.ts'
import { seedPractice } from '../testing/fixtures.ts'
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
