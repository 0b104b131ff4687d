import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { useTestDatabase } from '../../testing/suite.ts'
import { CHANGES_CHANNEL, type ChangeFeed, startChangeFeed } from './change-feed.ts'
import { describeEachDatabase } from './testing.ts'

const REMEMBER_MS = 300
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describeEachDatabase('the change feed', (kind) => {
  const store = useTestDatabase(kind)
  let feed: ChangeFeed
  beforeAll(async () => {
    feed = await startChangeFeed(store.database, { rememberMs: REMEMBER_MS })
  })
  afterAll(() => feed.stop())

  const announce = async (payload: string) => {
    await sql`select pg_notify(${CHANGES_CHANNEL}, ${payload})`.execute(store.db)
    await feed.settle()
  }

  it('remembers a changed key for at least as long as a read is kept, then forgets it', async () => {
    const before = feed.mark()
    const sent = performance.now()
    await announce('patients 41,42')
    expect(feed.changedSince(before, [['patients', 42]])).toBe(true)
    expect(feed.changedSince(before, [['patients', 43]])).toBe(false)
    expect(feed.changedSince(feed.mark(), [['patients', 42]])).toBe(false)
    // However the forgetting falls, a change is remembered for one whole rememberMs (checked
    // only while that much surely has not passed: a busy machine may be slower than the loop).
    while (performance.now() - sent < REMEMBER_MS) {
      const remembered = feed.changedSince(before, [['patients', 41]])
      if (performance.now() - sent < REMEMBER_MS) expect(remembered).toBe(true)
      await wait(20)
    }
    // And forgotten after that, so a bulk load's keys do not stay in memory.
    await expect
      .poll(() => feed.changedSince(before, [['patients', 41]]), { timeout: 20 * REMEMBER_MS })
      .toBe(false)
  })

  it('says a whole table changed when its change names no key', async () => {
    const before = feed.mark()
    await announce('practices')
    expect(feed.changedSince(before, [['practices', 1]])).toBe(true)
    expect(feed.changedSince(before, [['practices']])).toBe(true)
  })
})
