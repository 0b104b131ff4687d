import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '../platform/db/testing.ts'
import { seedPractice } from '../testing/fixtures.ts'
import { buildTestApp } from '../testing/http.ts'
import { createSyncKey } from './keys.ts'

/**
 * A burst of truly parallel requests over real HTTP (each on its own connection and, on
 * PostgreSQL, its own pooled session): exactly the burst gets through, the rest are told when
 * to come back, and another key is not held up.
 */
describeEachDatabase('sync API rate limit', (kind) => {
  let database: TestDatabase
  let built: Awaited<ReturnType<typeof buildTestApp>>
  let base: string
  const BURST = 5

  beforeAll(async () => {
    database = await createTestDatabase(kind)
    // Hardly any refill during the test, so the count is the burst exactly.
    built = await buildTestApp(database, { syncRateLimit: { perSecond: 0.01, burst: BURST } })
    await built.app.listen({ host: '127.0.0.1', port: 0 })
    const address = built.app.server.address()
    if (!address || typeof address === 'string') throw new Error('not listening')
    base = `http://127.0.0.1:${address.port}/api/sync/v1`
  })
  afterAll(async () => {
    await built.close()
    await database.destroy()
  })

  async function burst(key: string, count: number) {
    return Promise.all(
      Array.from({ length: count }, () =>
        fetch(`${base}/patients/someone`, { headers: { authorization: `Bearer ${key}` } }),
      ),
    )
  }

  it('lets the burst through and refuses the rest with 429 and Retry-After', async () => {
    const practiceId = await seedPractice(database.db, { name: 'Busy Dental' })
    const busy = await createSyncKey(database.db, practiceId, 'busy')
    const other = await createSyncKey(database.db, practiceId, 'other')
    const answers = await burst(busy.key, 20)
    const statuses = answers.map((answer) => answer.status)
    expect(statuses.filter((status) => status === 404)).toHaveLength(BURST)
    expect(statuses.filter((status) => status === 429)).toHaveLength(20 - BURST)
    const refused = answers.find((answer) => answer.status === 429)
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(refused?.headers.get('content-type')).toContain('application/problem+json')
    expect((await burst(other.key, 1))[0]?.status).toBe(404)
  })
})
