import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { useTestDatabase } from '../../testing/suite.ts'
import { describeEachDatabase } from '../db/testing.ts'
import { claimNextJob, completeJob, enqueueJob } from './queue.ts'

describeEachDatabase('jobs: claiming due jobs', (kind) => {
  const store = useTestDatabase(kind)

  it('claims a job the database queued a moment ago, in the same millisecond', async () => {
    // Triggers queue jobs at the database's now(), in microseconds; a claim compared against the
    // app's clock (milliseconds, truncated) skipped them until the next millisecond.
    for (let attempt = 0; attempt < 40; attempt++) {
      await sql`insert into jobs (kind, payload) values ('test.same-moment', '{}')`.execute(
        store.db,
      )
      const job = await claimNextJob(store.db, 'worker-a')
      expect(job?.kind).toBe('test.same-moment')
      if (job) await completeJob(store.db, job)
    }
  })

  it('leaves a job for later until its time, and gives each job to one worker', async () => {
    const later = await enqueueJob(store.db, {
      practiceId: null,
      kind: 'test.later',
      payload: {},
      runAt: new Date(Date.now() + 60_000),
    })
    expect(await claimNextJob(store.db, 'worker-a')).toBeUndefined()
    expect((await claimNextJob(store.db, 'worker-a', new Date(Date.now() + 120_000)))?.id).toBe(
      later,
    )
    expect(await claimNextJob(store.db, 'worker-b', new Date(Date.now() + 120_000))).toBeUndefined()
  })
})
