import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Database } from '../db/database.ts'
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../db/testing.ts'
import { claimNextJob, completeJob, enqueueJob } from './queue.ts'

describeEachDatabase('jobs: claiming due jobs', (kind) => {
  let database: TestDatabase
  let db: Database

  beforeAll(async () => {
    database = await createTestDatabase(kind)
    db = database.db
  })
  afterAll(() => database.destroy())

  it('claims a job the database queued a moment ago, in the same millisecond', async () => {
    // Triggers queue jobs at the database's now(), in microseconds; a claim compared against the
    // app's clock (milliseconds, truncated) skipped them until the next millisecond.
    for (let attempt = 0; attempt < 40; attempt++) {
      await sql`insert into jobs (kind, payload) values ('test.same-moment', '{}')`.execute(db)
      const job = await claimNextJob(db, 'worker-a')
      expect(job?.kind).toBe('test.same-moment')
      if (job) await completeJob(db, job)
    }
  })

  it('leaves a job for later until its time, and gives each job to one worker', async () => {
    const later = await enqueueJob(db, {
      practiceId: null,
      kind: 'test.later',
      payload: {},
      runAt: new Date(Date.now() + 60_000),
    })
    expect(await claimNextJob(db, 'worker-a')).toBeUndefined()
    expect((await claimNextJob(db, 'worker-a', new Date(Date.now() + 120_000)))?.id).toBe(later)
    expect(await claimNextJob(db, 'worker-b', new Date(Date.now() + 120_000))).toBeUndefined()
  })
})
