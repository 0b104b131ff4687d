import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { CHANGES_CHANNEL } from '../platform/db/change-feed.ts'
import { describeEachDatabase } from '../platform/db/testing.ts'
import { useTestApp } from '../testing/suite.ts'
import { syncCollections } from './collections/index.ts'
import { COLLECTION_TABLES } from './refs.ts'
import { syncClient } from './testing.ts'

/**
 * A PMS replays what it has sent (a resumed import, a retry after a timeout): every collection's
 * example sent again must answer the same and write nothing — no row version changes, and no
 * change is announced, so no patient's kept reads are dropped.
 */
describeEachDatabase('sync API replays', (kind) => {
  const suite = useTestApp(kind)
  let client: Awaited<ReturnType<typeof syncClient>>
  const announced: string[] = []
  let stopListening: () => Promise<void>

  beforeAll(async () => {
    client = await syncClient(suite.app, suite.db, 'Replay Dental')
    stopListening = await suite.database.listen(CHANGES_CHANNEL, {
      onMessage: (payload) => announced.push(payload),
      onLost: () => announced.push('(lost)'),
    })
  })
  afterAll(async () => {
    await stopListening()
  })

  /** Every announcement up to now: a marker sent last arrives after all of them. */
  async function announcedSoFar() {
    const marker = `~marker ${announced.length} ${Date.now()}`
    await sql`select pg_notify(${CHANGES_CHANNEL}, ${marker})`.execute(suite.db)
    const until = Date.now() + 5000
    while (!announced.includes(marker) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    const seen = announced.splice(0)
    expect(seen).toContain(marker)
    // Markers like ours (the app's own "~settled" ones too) announce no change.
    return seen.filter((payload) => !payload.startsWith('~'))
  }

  /** Each row's version (xmin) in every table the collections write. */
  async function rowVersions() {
    const tables = [
      ...Object.values(COLLECTION_TABLES),
      'business_hours',
      'appointment_procedures',
      'patient_representatives',
      'treatment_plan_rows',
    ]
    const versions: Record<string, string[]> = {}
    for (const table of tables) {
      const { rows } = await sql<{ v: string }>`
        select id::text || ':' || xmin::text as v from ${sql.table(table)} order by id`.execute(
        suite.db,
      )
      versions[table] = rows.map((row) => row.v)
    }
    return versions
  }

  it("answers every collection's example the same when sent again, writing nothing", async () => {
    const first = new Map<string, unknown>()
    for (const collection of syncCollections) {
      const response = await client.call('PUT', `${collection.name}/example`, collection.example)
      expect(response.statusCode, `${collection.name}: ${response.body}`).toBe(200)
      expect(response.headers['sync-outcome']).toBe('created')
      first.set(collection.name, response.json())
    }
    if (kind === 'pglite') expect(await announcedSoFar()).not.toEqual([])
    const before = await rowVersions()

    for (const collection of syncCollections) {
      const again = await client.call('PUT', `${collection.name}/example`, collection.example)
      expect(again.statusCode).toBe(200)
      expect(again.headers['sync-outcome'], collection.name).toBe('unchanged')
      expect(again.json()).toEqual(first.get(collection.name))
    }
    const batch = await client.call('POST', 'batch', {
      operations: syncCollections.map((collection) => ({
        op: 'put',
        collection: collection.name,
        externalId: 'example',
        body: collection.example,
      })),
    })
    expect(batch.json()).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: syncCollections.length,
    })

    expect(await rowVersions()).toEqual(before)
    // PostgreSQL's channel is shared by every schema of the test database, so other test files'
    // changes arrive too; the embedded database hears only this file's.
    if (kind === 'pglite') expect(await announcedSoFar()).toEqual([])
  }, 120_000)
})
