import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { useTestDatabase } from '../../testing/suite.ts'
import type { Database } from '../db/database.ts'
import { openDatabase } from '../db/database.ts'
import { loadPGliteTemplate } from '../db/pglite-template.ts'
import { describeEachDatabase, type TestDatabase } from '../db/testing.ts'
import { claimNextJob, enqueueJob } from './queue.ts'
import { createJobWorker, type JobHandler } from './worker.ts'

const FIXTURE = fileURLToPath(new URL('./hanging-worker.fixture.ts', import.meta.url))

/** Checks again every 50 ms until `ready` says yes; the test's own time limit bounds the wait. */
async function waitFor(ready: () => Promise<boolean> | boolean) {
  while (!(await ready())) await new Promise((resolve) => setTimeout(resolve, 50))
}

function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  return { open, opened }
}

const jobRow = (db: Database, id: number) =>
  db
    .selectFrom('jobs')
    .select(['status', 'attempts', 'locked_by', 'locked_until', 'last_error'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()

describeEachDatabase('jobs: leases', (kind) => {
  const store = useTestDatabase(kind)

  it('renews the lease of a long job, so no other worker takes it while it runs', async () => {
    const id = await enqueueJob(store.db, { practiceId: null, kind: 'test.long', payload: {} })
    const started = gate()
    const finish = gate()
    let runs = 0
    const long: JobHandler = async () => {
      runs++
      started.open()
      await finish.opened
    }
    const leaseSeconds = 2
    const worker = createJobWorker(store.db, { 'test.long': long }, { leaseSeconds })
    const running = worker.runDue()
    await started.opened
    const firstLease = (await jobRow(store.db, id)).locked_until as Date
    // Held for more than three leases: another worker finds nothing to take all along.
    await waitFor(async () => {
      expect(
        await claimNextJob(store.db, 'another-worker', undefined, leaseSeconds),
      ).toBeUndefined()
      const lease = (await jobRow(store.db, id)).locked_until as Date
      return lease.getTime() > firstLease.getTime() + 3 * leaseSeconds * 1000
    })
    finish.open()
    expect(await running).toBe(1)
    expect(runs).toBe(1)
    expect(await jobRow(store.db, id)).toMatchObject({
      status: 'done',
      attempts: 1,
      locked_by: null,
    })
  })

  it('gives each job to exactly one worker in a parallel burst, expired leases included', async () => {
    const queued = await Promise.all(
      Array.from({ length: 24 }, () =>
        enqueueJob(store.db, { practiceId: null, kind: 'test.burst', payload: {} }),
      ),
    )
    // Jobs whose workers died: leases ran out a minute ago. And one still held by a live worker.
    const expired = await insertRunning(store.db, 8, "statement_timestamp() - interval '1 minute'")
    const [held] = await insertRunning(store.db, 1, "statement_timestamp() + interval '1 hour'")
    const runs: number[] = []
    const handler: JobHandler = async (job) => {
      runs.push(job.id)
      // A moment's work, so the workers' claims overlap.
      await sql`select pg_sleep(0.01)`.execute(store.db)
    }
    const workers = Array.from({ length: 4 }, () =>
      createJobWorker(store.db, { 'test.burst': handler }, { concurrency: 3 }),
    )
    const counts = await Promise.all(workers.map((worker) => worker.runDue()))
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(queued.length + expired.length)
    expect(runs.sort((a, b) => a - b)).toEqual([...queued, ...expired].sort((a, b) => a - b))
    const statuses = await store.db
      .selectFrom('jobs')
      .select(['id', 'status', 'attempts'])
      .where('kind', '=', 'test.burst')
      .execute()
    for (const row of statuses) {
      if (row.id === held) expect(row).toMatchObject({ status: 'running', attempts: 1 })
      else expect(row).toMatchObject({ status: 'done', attempts: expired.includes(row.id) ? 2 : 1 })
    }
  })

  it('hands its running jobs back on stop(), and a late finish does not overwrite the new owner', async () => {
    const id = await enqueueJob(store.db, { practiceId: null, kind: 'test.handback', payload: {} })
    const started = gate()
    const finish = gate()
    const worker = createJobWorker(
      store.db,
      {
        'test.handback': async () => {
          started.open()
          await finish.opened
        },
      },
      { leaseSeconds: 600 },
    )
    const running = worker.runDue()
    await started.opened
    await worker.stop({ graceMilliseconds: 0 })
    expect(await jobRow(store.db, id)).toMatchObject({
      status: 'queued',
      attempts: 0,
      locked_by: null,
    })
    // Another instance takes it at once, not after the ten-minute lease.
    const taken = await claimNextJob(store.db, 'another-instance')
    expect(taken).toMatchObject({ id, attempts: 1 })
    finish.open()
    await running
    expect(await jobRow(store.db, id)).toMatchObject({
      status: 'running',
      locked_by: 'another-instance',
    })
  })

  it('fails a job whose worker stopped during its last attempt, and tells its handler', async () => {
    const [id] = await insertRunning(store.db, 1, "statement_timestamp() - interval '1 minute'", {
      attempts: 5,
    })
    const abandoned: number[] = []
    let runs = 0
    const handler: JobHandler = Object.assign(
      async () => {
        runs++
      },
      {
        abandon: async (job: { id: number }) => {
          abandoned.push(job.id)
        },
      },
    )
    await createJobWorker(store.db, { 'test.crashing': handler }).runDue()
    expect(runs).toBe(0)
    expect(abandoned).toEqual([id])
    expect(await jobRow(store.db, id as number)).toMatchObject({
      status: 'failed',
      last_error: expect.stringMatching(/stopped before it finished/),
    })
  })

  it('does the job of a worker killed mid-job (kill -9) once its lease runs out', async () => {
    const leaseSeconds = 1
    const crash = await crashTarget(kind, store.database)
    const id = await enqueueJob(crash.db, { practiceId: null, kind: 'test.hang', payload: {} })
    await crash.beforeChild()

    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
      env: {
        ...process.env,
        ...crash.childEnv,
        HANGING_WORKER_LEASE_SECONDS: String(leaseSeconds),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    await claimedBy(child, id)
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))

    const after = await crash.afterChild()
    const left = await jobRow(after, id)
    expect(left).toMatchObject({ status: 'running', attempts: 1 })
    const leaseEnd = left.locked_until as Date
    const claimedAt: Date[] = []
    const worker = createJobWorker(after, {
      'test.hang': async (job) => {
        const row = await after
          .selectFrom('jobs')
          .select('locked_at')
          .where('id', '=', job.id)
          .executeTakeFirstOrThrow()
        claimedAt.push(row.locked_at as Date)
      },
    })
    await waitFor(async () => (await worker.runDue()) > 0)
    expect(claimedAt).toHaveLength(1)
    // Taken again only when the dead worker's lease had run out, by the database's clock.
    expect((claimedAt[0] as Date).getTime()).toBeGreaterThanOrEqual(leaseEnd.getTime())
    expect(await jobRow(after, id)).toMatchObject({ status: 'done', attempts: 2 })
    await crash.cleanUp()
  }, 60_000)
})

async function insertRunning(
  db: Database,
  count: number,
  lockedUntil: string,
  options: { attempts?: number } = {},
) {
  const kind = options.attempts ? 'test.crashing' : 'test.burst'
  const rows = await sql<{ id: number }>`
    insert into jobs (kind, status, attempts, locked_at, locked_by, locked_until)
    select ${kind}, 'running', ${options.attempts ?? 1}, statement_timestamp(), 'a-dead-worker',
      ${sql.raw(lockedUntil)}
    from generate_series(1, ${count}::int)
    returning id`.execute(db)
  return rows.rows.map((row) => row.id)
}

/** Resolves when the child says it is working on the job. */
function claimedBy(child: ChildProcess, id: number) {
  return new Promise<void>((resolve, reject) => {
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes(`claimed ${id}\n`)) resolve()
    })
    child.once('exit', (code) => reject(new Error(`The worker process exited (${code})`)))
  })
}

/**
 * Where the killed worker and its successor meet. PostgreSQL: the test's own schema, shared by
 * both processes. Embedded: one process at a time, as in production, so a data folder that the
 * test closes before the child opens it and reopens after the kill (a restart).
 */
async function crashTarget(kind: 'pglite' | 'postgres', database: TestDatabase) {
  if (kind === 'postgres') {
    const schema = await sql<{ schema: string }>`select current_schema() as schema`.execute(
      database.db,
    )
    return {
      db: database.db,
      childEnv: {
        HANGING_WORKER_DATABASE_URL: process.env.TEST_DATABASE_URL,
        HANGING_WORKER_SCHEMA: schema.rows[0]?.schema,
      },
      beforeChild: async () => {},
      afterChild: async () => database.db,
      cleanUp: async () => {},
    }
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-jobs-'))
  let handle = await openDatabase({ dataDir, template: await loadPGliteTemplate() })
  return {
    db: handle.db,
    childEnv: { HANGING_WORKER_DATA_DIR: dataDir },
    beforeChild: () => handle.close(),
    afterChild: async () => {
      handle = await openDatabase({ dataDir })
      return handle.db
    },
    cleanUp: async () => {
      await handle.close()
      await fs.rm(dataDir, { recursive: true, force: true })
    },
  }
}
