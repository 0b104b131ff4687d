import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openDatabase } from './platform/db/database.ts'
import { migrate } from './platform/db/migrate.ts'
import { startThrowawayPostgres, type ThrowawayPostgres } from './platform/db/throwaway-postgres.ts'
import { queueEmail } from './platform/mail/outbox.ts'
import { FAMILY_PASSWORD, seedPatient, seedPortalUser, seedPractice } from './testing/fixtures.ts'
import { freePort } from './testing/ports.ts'

// The real server process on a PostgreSQL cluster of this test's own, which it stops, starts and
// cuts connections of. The machine's shared PostgreSQL is never touched.

const ROOT = path.resolve(import.meta.dirname, '..')
// Far beyond any answer the server should give; reaching it means the request hung.
const HANG_MS = 20_000

interface Outcome {
  status: number | 'hung' | 'no answer'
  problem: boolean
  appointmentId: number
  sentAt: number
  answeredAt: number
}

let cluster: ThrowawayPostgres
let server: RunningServer
let dataDir: string
let load: { patientId: number; appointmentIds: number[]; cookie: string }
let kept: { patientId: number; appointmentId: number; cookie: string }

beforeAll(async () => {
  cluster = await startThrowawayPostgres()
  const seeded = await seed(cluster.url)
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bitewing-restart-'))
  server = await startServer(cluster.url, dataDir)
  load = { ...seeded.load, cookie: await signIn(server, 'load.tester') }
  kept = { ...seeded.kept, cookie: await signIn(server, 'kept.reader') }
}, 90_000)

afterAll(async () => {
  await server?.stop()
  await cluster?.destroy()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

it('survives its idle connections being ended (pg_terminate_backend) and listens again', async () => {
  expect((await appointmentsOf(kept)).status).toBe(200)
  const ended = await onCluster((client) =>
    client.query(`select pg_terminate_backend(pid) from pg_stat_activity
      where pid <> pg_backend_pid() and backend_type = 'client backend'`),
  )
  // The pool's idle connections and the change feed's listening one.
  expect(ended.rowCount).toBeGreaterThanOrEqual(2)
  await eventually('a read answered', async () => (await appointmentsOf(kept)).status === 200)
  await eventually('the change feed listening again', async () => {
    const listening = await onCluster((client) =>
      client.query(`select 1 from pg_stat_activity where application_name = 'bitewing changes'`),
    )
    return listening.rowCount === 1
  })
  expect(await readiness()).toBe(200)
  expect(server.exit).toBeUndefined()
}, 30_000)

it('rides through a PostgreSQL restart under load: 503s meanwhile, then recovers, no confirmed write lost', async () => {
  // A kept read, which the restart must not leave stale.
  expect((await appointmentsOf(kept)).body.upcoming[0].confirmation).toBe('AwaitingConfirmation')
  const traffic = startConfirming(load, 6)
  await eventually('writes confirmed before the restart', () => traffic.confirmed() >= 30)

  const stoppedAt = Date.now()
  await cluster.stop()
  await eventually(
    '503s while the database is down',
    () => traffic.unavailableSince(stoppedAt) >= 20,
  )
  expect(await readiness()).toBe(503)
  // Another writer (the PMS) changes a kept read while nobody can be listening.
  await cluster.start()
  const startedAt = Date.now()
  await onCluster((client) =>
    client.query(`update appointments set confirmation = 'Confirmed' where id = $1`, [
      kept.appointmentId,
    ]),
  )
  await eventually('ready again', async () => (await readiness()) === 200)
  const readyAt = Date.now()
  await eventually(
    'a write confirmed after the restart',
    () => traffic.confirmedSince(startedAt) > 0,
  )
  const recoveredAt = Math.min(
    ...traffic.outcomes
      .filter((outcome) => outcome.status === 200 && outcome.sentAt >= startedAt)
      .map((outcome) => outcome.answeredAt),
  )
  const confirmedSoFar = traffic.confirmed()
  await eventually(
    'writes confirmed after the restart',
    () => traffic.confirmed() >= confirmedSoFar + 30,
  )
  await traffic.stop()

  const { outcomes } = traffic
  const unexpected = outcomes.filter((outcome) => outcome.status !== 200 && outcome.status !== 503)
  expect(unexpected).toEqual([])
  expect(outcomes.filter((outcome) => outcome.status === 503 && !outcome.problem)).toEqual([])
  expect(server.exit).toBeUndefined()
  const confirmedIds = outcomes
    .filter((outcome) => outcome.status === 200)
    .map((outcome) => outcome.appointmentId)
  const stored = await onCluster((client) =>
    client.query<{ id: number }>(
      `select id from appointments where id = any($1) and confirmation = 'Confirmed'`,
      [confirmedIds],
    ),
  )
  expect(stored.rows.map((row) => Number(row.id)).sort((a, b) => a - b)).toEqual(
    [...confirmedIds].sort((a, b) => a - b),
  )
  expect((await appointmentsOf(kept)).body.upcoming[0].confirmation).toBe('Confirmed')
  // The job worker polled through the outage and still runs jobs.
  const emailId = await queueEmailOn(cluster.url)
  await eventually('the email job done', async () => {
    const job = await onCluster((client) =>
      client.query(`select status from jobs where payload ->> 'emailId' = $1`, [String(emailId)]),
    )
    return job.rows[0]?.status === 'done'
  })

  console.log(
    [
      'PostgreSQL restart under load:',
      `${outcomes.length} requests sent, ${confirmedIds.length} writes confirmed (all stored),`,
      `${outcomes.filter((outcome) => outcome.status === 503).length} answered 503, 0 hung, 0 other;`,
      `ready ${readyAt - startedAt} ms and first write confirmed ${recoveredAt - startedAt} ms after PostgreSQL was back.`,
    ].join(' '),
  )
}, 60_000)

/** Sends appointment confirmations on `lanes` parallel lanes, each appointment once. */
function startConfirming(target: typeof load, lanes: number) {
  const outcomes: Outcome[] = []
  let next = 0
  let stopped = false
  async function lane() {
    while (!stopped && next < target.appointmentIds.length) {
      const appointmentId = target.appointmentIds[next++] as number
      const sentAt = Date.now()
      const answer = await request(
        'POST',
        `/api/portal/patients/${target.patientId}/appointments/${appointmentId}/confirm`,
        target.cookie,
      )
      outcomes.push({ ...answer, appointmentId, sentAt, answeredAt: Date.now() })
      // A closed door is not worth hammering.
      if (answer.status !== 200) await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  const running = Array.from({ length: lanes }, lane)
  const count = (since: number, status: number) =>
    outcomes.filter((outcome) => outcome.status === status && outcome.sentAt >= since).length
  return {
    outcomes,
    confirmed: () => count(0, 200),
    confirmedSince: (since: number) => count(since, 200),
    unavailableSince: (since: number) => count(since, 503),
    async stop() {
      stopped = true
      await Promise.all(running)
    },
  }
}

async function request(method: string, url: string, cookie: string) {
  try {
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers: { cookie, origin: server.url },
      signal: AbortSignal.timeout(HANG_MS),
    })
    const type = response.headers.get('content-type') ?? ''
    await response.arrayBuffer()
    return { status: response.status, problem: type.startsWith('application/problem+json') }
  } catch (error) {
    const status = (error as Error).name === 'TimeoutError' ? 'hung' : 'no answer'
    return { status, problem: false } as const
  }
}

async function appointmentsOf(who: typeof kept) {
  const response = await fetch(`${server.url}/api/portal/patients/${who.patientId}/appointments`, {
    headers: { cookie: who.cookie },
    signal: AbortSignal.timeout(HANG_MS),
  })
  return { status: response.status, body: await response.json() }
}

async function readiness() {
  const response = await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(HANG_MS) })
  return response.status
}

/** Waits for `condition`, failing with its name if the server ends or it never comes. */
async function eventually(
  what: string,
  condition: () => boolean | Promise<boolean>,
  watched: RunningServer = server,
) {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (watched.exit) {
      throw new Error(`The server ended (${watched.exit}) waiting for ${what}:\n${watched.output}`)
    }
    if (await Promise.resolve(condition()).catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`Never saw ${what}`)
}

async function onCluster<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: cluster.url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

async function queueEmailOn(url: string) {
  const database = await openDatabase({ url, poolSize: 1 })
  try {
    const practice = await database.db
      .selectFrom('practices')
      .select('id')
      .executeTakeFirstOrThrow()
    return await queueEmail(database.db, {
      practiceId: practice.id,
      kind: 'test',
      to: 'load.tester@example.test',
      subject: 'After the restart',
      text: 'Sent by the worker that lived through it.',
    })
  } finally {
    await database.close()
  }
}

async function seed(url: string) {
  const database = await openDatabase({ url, poolSize: 2 })
  try {
    await migrate(database)
    const { db } = database
    const practiceId = await seedPractice(db, { name: 'Restart Dental' })
    const loadPatient = await seedPatient(db, { practiceId, first_name: 'Lo', last_name: 'Ad' })
    const keptPatient = await seedPatient(db, { practiceId, first_name: 'Kay', last_name: 'Pt' })
    await seedPortalUser(db, { practiceId, patientId: loadPatient, username: 'load.tester' })
    await seedPortalUser(db, { practiceId, patientId: keptPatient, username: 'kept.reader' })
    const upcoming = (patientId: number, count: number) =>
      sql<{ id: number }>`insert into appointments
          (practice_id, patient_id, starts_at, length_minutes, confirmation)
        select ${practiceId}, ${patientId}, now() + interval '1 day' + g * interval '1 hour', 30,
          'AwaitingConfirmation'
        from generate_series(1, ${count}) as g
        returning id`.execute(db)
    const loadRows = await upcoming(loadPatient, 5000)
    const keptRows = await upcoming(keptPatient, 1)
    return {
      load: { patientId: loadPatient, appointmentIds: loadRows.rows.map((row) => row.id) },
      kept: { patientId: keptPatient, appointmentId: keptRows.rows[0]?.id ?? 0 },
    }
  } finally {
    await database.close()
  }
}

async function signIn(target: RunningServer, username: string) {
  const response = await fetch(`${target.url}/api/portal/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: target.url },
    body: JSON.stringify({ username, password: FAMILY_PASSWORD }),
  })
  expect(response.status).toBe(200)
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('bitewing_portal='))
  return cookie?.split(';')[0] ?? ''
}

interface RunningServer {
  url: string
  output: string
  /** How the process ended, once it has. */
  exit: string | undefined
  stop(): Promise<void>
}

async function startServer(databaseUrl: string, dir: string): Promise<RunningServer> {
  const port = await freePort()
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'server/main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        DATA_DIR: dir,
        WEB_DIST: path.join(dir, 'web'),
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        DEMO: 'false',
        READ_CACHE: 'true',
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const running: RunningServer = {
    url: `http://127.0.0.1:${port}`,
    output: '',
    exit: undefined,
    async stop() {
      if (running.exit) return
      const ended = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await ended
    },
  }
  child.stdout?.on('data', (chunk) => {
    running.output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    running.output += chunk
  })
  child.on('exit', (code, signal) => {
    running.exit = `code ${code}, signal ${signal}`
  })
  await eventually(
    'the server to start',
    async () =>
      fetch(`${running.url}/readyz`)
        .then((response) => response.ok)
        .catch(() => false),
    running,
  )
  return running
}
