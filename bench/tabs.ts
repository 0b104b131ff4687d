/**
 * Patient API reads under load (DESIGN budget: p99 < 50 ms at 100 connections on PostgreSQL with
 * a 100 000-patient practice, throughput ≥ 25 % of a bare node:http server sending the same bytes).
 * The first run creates the large practice in BENCH_DATABASE_URL (several minutes); later runs
 * reuse it.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
import { SERVER_NODE_FLAGS } from '../scripts/server-flags.mjs'
import { generateDemoPractice } from '../server/demo/generate.ts'
import { openDatabase } from '../server/platform/db/database.ts'
import { migrate } from '../server/platform/db/migrate.ts'
import { LocalFileStorage } from '../server/platform/files/storage.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const DATA_DIR = path.join(ROOT, '.bench', 'data')
const PORT = 3901
const BARE_PORT = 3902
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000)
// Linux reports process CPU time in clock ticks of 1/100 s on every platform Node runs on.
const CLOCK_TICKS_PER_SECOND = 100
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/bitewing_bench'

async function ensureDatabase(url: string) {
  const target = new URL(url)
  const name = target.pathname.slice(1)
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
  })
  await admin.connect()
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name])
  if (exists.rowCount === 0) await admin.query(`create database "${name.replace(/"/g, '')}"`)
  await admin.end()
}

async function ensureLargePractice(url: string) {
  await ensureDatabase(url)
  const handle = await openDatabase({ url })
  try {
    await migrate(handle)
    const practice = await handle.db.selectFrom('practices').select('id').executeTakeFirst()
    if (!practice) {
      console.log(`Creating a ${PATIENTS}-patient demo practice for the bench (once)…`)
      const files = new LocalFileStorage(path.join(DATA_DIR, 'files'))
      await generateDemoPractice(handle.db, files, { patients: PATIENTS })
    }
  } finally {
    await handle.close()
  }
}

function startServer(url: string, readCache: boolean): ChildProcess {
  return spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, '--import', 'tsx', path.join(ROOT, 'server/main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: url,
        DATA_DIR,
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DEMO: 'false',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'development',
        READ_CACHE: String(readCache),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
}

async function waitHealthy(port: number) {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`)
      if (response.ok) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('The bench server did not start')
}

async function signIn(): Promise<{ cookie: string; patientId: number }> {
  const response = await fetch(`http://127.0.0.1:${PORT}/api/portal/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${PORT}` },
    body: JSON.stringify({ username: 'maria.garcia', password: 'Bitewing-demo-1' }),
  })
  if (!response.ok) throw new Error(`bench sign-in failed: ${response.status}`)
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const session = (await response.json()) as { family: { id: number; firstName: string }[] }
  const sofia = session.family.find((member) => member.firstName === 'Sofia') ?? session.family[0]
  if (!sofia) throw new Error('no family member to read')
  return { cookie, patientId: sofia.id }
}

function load(url: string, cookie: string, seconds: number) {
  return autocannon({ url, connections: 100, duration: seconds, headers: { cookie } })
}

/**
 * The same bytes from a bare node:http server in its own process (as the server under test is),
 * loaded by the same client: the ceiling a framework is measured against.
 */
async function bareBaseline(body: Buffer, contentType: string, seconds: number) {
  const bodyFile = path.join(DATA_DIR, 'bare-body')
  await fs.writeFile(bodyFile, body)
  const bare = spawn(
    process.execPath,
    [path.join(ROOT, 'bench/bare-server.mjs'), String(BARE_PORT), bodyFile, contentType],
    { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  )
  try {
    await new Promise((resolve, reject) => {
      bare.once('message', resolve)
      bare.once('exit', () => reject(new Error('The bare server exited')))
    })
    const url = `http://127.0.0.1:${BARE_PORT}/`
    await autocannon({ url, connections: 100, duration: 2 }) // warm-up, as for the server
    const result = await autocannon({ url, connections: 100, duration: seconds })
    return result.requests.average
  } finally {
    const exited = new Promise((resolve) => bare.once('exit', resolve))
    bare.kill('SIGTERM')
    await exited
  }
}

/** CPU time (user + system) a process has used so far, in milliseconds. */
async function cpuMilliseconds(pid: number | undefined) {
  if (!pid) return Number.NaN
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND
}

async function residentMegabytes(pid: number | undefined) {
  if (!pid) return Number.NaN
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN)
  return kb / 1024
}

export interface TabsOptions {
  seconds?: number
  /** false: the server reads every request from the database (READ_CACHE=false). */
  readCache?: boolean
  /** Bare node:http figures already measured for the same bodies, by tab. */
  bare?: Map<string, number>
}

export async function benchTabs(options: TabsOptions = {}) {
  const { seconds = 10, readCache = true } = options
  const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_URL
  await ensureLargePractice(url)
  const server = startServer(url, readCache)
  try {
    await waitHealthy(PORT)
    const { cookie, patientId } = await signIn()
    const base = `http://127.0.0.1:${PORT}/api/portal/patients/${patientId}`
    const results = []
    for (const tab of ['appointments', 'account', 'plans', 'documents']) {
      const target = `${base}/${tab}`
      const sample = await fetch(target, { headers: { cookie } })
      if (!sample.ok) throw new Error(`${tab}: ${sample.status}`)
      const body = Buffer.from(await sample.arrayBuffer())
      await load(target, cookie, 2) // warm-up
      const cpuBefore = await cpuMilliseconds(server.pid)
      const result = await load(target, cookie, seconds)
      const serverCpuMs = (await cpuMilliseconds(server.pid)) - cpuBefore
      const bare =
        options.bare?.get(tab) ??
        (await bareBaseline(
          body,
          sample.headers.get('content-type') ?? 'application/json',
          seconds,
        ))
      results.push({
        tab,
        p99Ms: result.latency.p99,
        requestsPerSecond: result.requests.average,
        errors: result.errors + result.non2xx,
        bareRequestsPerSecond: bare,
        ratio: result.requests.average / bare,
        serverCpuMsPerRequest: serverCpuMs / result.requests.total,
      })
    }
    return { results, residentMb: await residentMegabytes(server.pid) }
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    await exited
  }
}
