import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { loadConfig } from '../../config.ts'
import { seedPractice } from '../../testing/fixtures.ts'
import { buildTestApp, TEST_ORIGIN } from '../../testing/http.ts'
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../db/testing.ts'

const PROXY_SAW = '203.0.113.9'

describeEachDatabase('the client address behind proxies (TRUST_PROXY)', (kind) => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await createTestDatabase(kind)
    await seedPractice(database.db)
  })
  afterAll(async () => {
    await database.destroy()
  })
  beforeEach(async () => {
    await database.db.deleteFrom('attempt_counters').execute()
    await database.db.deleteFrom('audit_events').execute()
  })

  // The request reaches us from the proxy (app.inject's peer is 127.0.0.1), which appended the
  // address it saw; everything to its left was written by the client.
  async function failSignInsThrough(trustProxy: string) {
    const built = await buildTestApp(database, {
      trustProxy: loadConfig({ TRUST_PROXY: trustProxy }).trustProxy,
    })
    try {
      for (const forged of ['198.51.100.1', '198.51.100.2', '10.9.8.7']) {
        const response = await built.app.inject({
          method: 'POST',
          url: '/api/portal/session',
          headers: { origin: TEST_ORIGIN, 'x-forwarded-for': `${forged}, ${PROXY_SAW}` },
          payload: { username: `someone.${forged}`, password: 'wrong password' },
        })
        expect(response.statusCode).toBe(401)
      }
    } finally {
      await built.close()
    }
    const audited = await database.db
      .selectFrom('audit_events')
      .select('ip')
      .where('action', '=', 'portal.sign_in')
      .execute()
    const counted = await database.db
      .selectFrom('attempt_counters')
      .select(['key', 'attempts'])
      .where('scope', '=', 'address')
      .execute()
    return { audited: audited.map((row) => row.ip), counted }
  }

  for (const [setting, meaning] of [
    ['1', 'one hop'],
    ['127.0.0.1', 'the proxy’s address'],
  ] as const) {
    it(`believes only the hop the proxy saw when trusting ${meaning}, never a forged left-most entry`, async () => {
      const { audited, counted } = await failSignInsThrough(setting)
      expect(audited).toEqual([PROXY_SAW, PROXY_SAW, PROXY_SAW])
      expect(counted).toEqual([{ key: PROXY_SAW, attempts: 3 }])
    })
  }

  it('ignores X-Forwarded-For entirely when no proxy is trusted', async () => {
    const { audited, counted } = await failSignInsThrough('false')
    expect(new Set(audited)).toEqual(new Set(['127.0.0.1']))
    expect(counted).toEqual([{ key: '127.0.0.1', attempts: 3 }])
  })
})
