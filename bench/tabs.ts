/**
 * Patient API reads as a practice's portal sees them: many different signed-in patients, each on
 * a visit (the session, then each family member's tabs, some twice), so a visit's first reads
 * miss the kept reads and later ones may hit. One run measures, against the same visits:
 * kept reads on, kept reads off (READ_CACHE=false), a bare node:http server sending the same
 * bytes, and PostgreSQL alone running the statements the server sent (bench/replay.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import autocannon from 'autocannon'
import { ensureServerBuilt, SERVER_ENTRY } from '../scripts/server-build.mjs'
import { SERVER_NODE_FLAGS } from '../scripts/server-flags.mjs'
import { seededRandom } from '../server/ccd/testing.ts'
import {
  BENCH_DIR,
  type BenchUser,
  benchDatabase,
  benchSessions,
  benchUsers,
  dataDirOf,
  LARGE_PRACTICE,
  openBenchPractice,
} from './large-practice.ts'
import { replayStatements } from './replay.ts'
import { residentMegabytes, spawnServer, stopServer, waitHealthy } from './server-process.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
export const PORT = 3901
const BARE_PORT = 3902
// Linux reports process CPU time in clock ticks of 1/100 s on every platform Node runs on.
const CLOCK_TICKS_PER_SECOND = 100
const TABS = ['appointments', 'account', 'plans', 'documents'] as const
/** Visitors before the measured ones, so the server's code is compiled when measuring starts. */
export const WARM_UP_USERS = 100

export interface TabsOptions {
  patients?: number
  users?: number
  connections?: number
  /** The embedded database (one process, one connection) instead of PostgreSQL. */
  embedded?: boolean
  /** Measure the kept reads off as well (default). */
  uncached?: boolean
  /**
   * Only the warm-up and the measured visits, on the server alone (no bare server, no replay),
   * counting the statements it sends: for comparing two builds of the server quickly.
   */
  onlyVisits?: boolean
  /** Only this mode of kept reads (on: true, off: false); both by default. */
  readCache?: boolean
  /** The server's arguments after the Node.js flags; the prebuilt server by default. */
  serverArgs?: string[]
}

export interface LoadFigures {
  label: string
  keptReads: boolean
  requests: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  errors: number
  /** What the errors were: statuses and failures with their counts. */
  errorKinds: string
  /** Server CPU (user + system) per request, in milliseconds. */
  serverCpuMsPerRequest: number
  /** Kept reads answered from memory, as a share of all kept reads asked for. */
  hitRate?: number
  /** Absent with `onlyVisits`. */
  bareRequestsPerSecond?: number
  ratioToBare?: number
  /** Statements sent to PostgreSQL per request (PostgreSQL only, measured modes only). */
  statementsPerRequest?: number
  residentMb: number
  /** PostgreSQL alone, the same statements at the pool's concurrency, in requests' worth per s. */
  databaseOnly?: { requestsPerSecond: number; statementsPerRequest: number; tool: string }
}

export interface Request {
  path: string
  cookie: string
}

/** One visit: the session, then each family member's tabs in the tab bar's order, some again. */
export function visitOf(user: BenchUser, cookie: string, random: () => number): Request[] {
  const visit: Request[] = [{ path: '/api/portal/session', cookie }]
  for (const patientId of user.family.slice(0, 4)) {
    const tabs: string[] = [...TABS]
    // Most visitors look at something again: one or two tabs a second time.
    const again = Math.floor(random() * 3)
    for (let i = 0; i < again; i++) tabs.push(TABS[Math.floor(random() * TABS.length)] as string)
    for (const tab of tabs) visit.push({ path: `/api/portal/patients/${patientId}/${tab}`, cookie })
  }
  return visit
}

/**
 * The visits as one sequence of requests, as `connections` visitors make them: each visitor makes
 * a visit's requests one after another, then takes the next visit; the visitors take turns, so a
 * visitor's next request comes about one round of the connections after its last one.
 */
export function interleave(visits: Request[][], connections: number): Request[] {
  const queue = [...visits]
  const visitors: Request[][] = []
  const sequence: Request[] = []
  while (queue.length > 0 || visitors.some((visitor) => visitor.length > 0)) {
    for (let i = 0; i < connections; i++) {
      if (!visitors[i]?.length) visitors[i] = [...(queue.shift() ?? [])]
      const request = visitors[i]?.shift()
      if (request) sequence.push(request)
    }
  }
  return sequence
}

/** Loads `url` with the requests, each once, in order over the connections. */
async function runVisits(
  url: string,
  visits: Request[][],
  connections: number,
  bodies?: string[],
  statuses?: Map<number, number>,
) {
  const sequence = interleave(visits, connections)
  let next = 0
  return autocannon({
    url,
    connections,
    amount: sequence.length,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const { path: requestPath, cookie } = sequence[next++ % sequence.length] as Request
          return { ...request, path: requestPath, headers: { cookie } }
        },
        onResponse: (status, body) => {
          bodies?.push(body)
          statuses?.set(status, (statuses.get(status) ?? 0) + 1)
        },
      },
    ],
  })
}

/** The same number of requests, with the bodies the server sent, from a bare node:http server. */
async function bareBaseline(bodies: string[], cookie: string, connections: number) {
  const bodyFile = path.join(BENCH_DIR, 'bare-bodies.json')
  await fs.writeFile(bodyFile, JSON.stringify(bodies))
  const bare = spawn(
    process.execPath,
    [path.join(ROOT, 'bench/bare-server.mjs'), String(BARE_PORT), bodyFile],
    {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  )
  try {
    await new Promise((resolve, reject) => {
      bare.once('message', resolve)
      bare.once('exit', () => reject(new Error('The bare server exited')))
    })
    let next = 0
    const run = (amount: number) =>
      autocannon({
        url: `http://127.0.0.1:${BARE_PORT}`,
        connections,
        amount,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({
              ...request,
              path: `/${next++ % bodies.length}`,
              headers: { cookie },
            }),
            onResponse: () => {},
          },
        ],
      })
    await run(Math.min(bodies.length, 5000)) // warm-up, as for the server
    return perSecond(await run(bodies.length))
  } finally {
    await stopServer(bare)
  }
}

export function startServer(
  where: { url?: string; dataDir?: string },
  readCache: boolean,
  serverArgs: string[],
  port = PORT,
): ChildProcess {
  return spawnServer(
    {
      DATABASE_URL: where.url ?? '',
      DATA_DIR: dataDirOf(where),
      PORT: String(port),
      DEMO: 'false',
      NODE_ENV: 'development',
      READ_CACHE: String(readCache),
      BENCH_PROBE: '1',
    },
    {
      command: [...SERVER_NODE_FLAGS, ...serverArgs],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  )
}

/** Asks the server's bench probe (server/platform/db/bench-probe.ts) and waits for its answer. */
export function ask<T>(
  server: ChildProcess,
  message: { type: string; [key: string]: unknown },
): Promise<T> {
  return new Promise((resolve) => {
    const listen = (answer: T & { type: string }) => {
      if (answer.type !== message.type) return
      server.off('message', listen)
      resolve(answer)
    }
    server.on('message', listen)
    server.send(message)
  })
}

/** Requests per second over the whole run (a run of a fixed amount ends part-way into a second). */
export function perSecond(result: autocannon.Result) {
  return result.requests.total / ((result.finish.getTime() - result.start.getTime()) / 1000)
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

interface ReadStats {
  hits: number
  misses: number
}

/**
 * The bench users' visits (each user signed in, the practice built once): the warm-up's, made
 * before measuring, and the measured ones.
 */
export async function benchVisits(
  where: ReturnType<typeof benchDatabase>,
  patients: number,
  userCount: number,
) {
  await fs.mkdir(BENCH_DIR, { recursive: true })
  const handle = await openBenchPractice(where, patients)
  let users: BenchUser[]
  let cookies: string[]
  try {
    users = await benchUsers(handle, userCount + WARM_UP_USERS)
    cookies = await benchSessions(handle, users)
  } finally {
    // The embedded database is one process's: the server opens it next.
    await handle.close()
  }
  const random = seededRandom(20_261_203)
  const visits = users.map((user, i) => visitOf(user, cookies[i] as string, random))
  return { warmUp: visits.slice(-WARM_UP_USERS), measured: visits.slice(0, -WARM_UP_USERS) }
}

export async function benchTabs(options: TabsOptions = {}) {
  const patients = options.patients ?? LARGE_PRACTICE
  const embedded = options.embedded ?? false
  const connections = options.connections ?? (embedded ? 20 : 100)
  // The prebuilt server, as `npm start` runs it.
  await ensureServerBuilt()
  const serverArgs = options.serverArgs ?? [SERVER_ENTRY]
  const where = benchDatabase(patients, embedded)
  const { warmUp, measured } = await benchVisits(where, patients, options.users ?? 1000)
  const figures: LoadFigures[] = []
  let bare: number | undefined
  const modes =
    options.readCache !== undefined
      ? [options.readCache]
      : options.uncached === false
        ? [true]
        : [true, false]
  for (const readCache of modes) {
    const server = startServer(where, readCache, serverArgs)
    try {
      await waitHealthy(PORT, server)
      const url = `http://127.0.0.1:${PORT}`
      await runVisits(url, warmUp, connections)
      const statsBefore = await ask<{ reads: ReadStats }>(server, { type: 'bench:stats' })
      const capture = (options.onlyVisits || !readCache) && !embedded
      if (capture) await ask(server, { type: 'bench:capture', on: true })
      const bodies: string[] = []
      const statuses = new Map<number, number>()
      const cpuBefore = await cpuMilliseconds(server.pid)
      const result = await runVisits(url, measured, connections, bodies, statuses)
      const serverCpuMs = (await cpuMilliseconds(server.pid)) - cpuBefore
      const statsAfter = await ask<{ reads: ReadStats; statements: number }>(server, {
        type: 'bench:stats',
      })
      const residentMb = await residentMegabytes(server.pid)
      const hits = statsAfter.reads.hits - statsBefore.reads.hits
      const misses = statsAfter.reads.misses - statsBefore.reads.misses
      const statementsPerRequest = capture
        ? statsAfter.statements / result.requests.total
        : undefined
      let databaseOnly: LoadFigures['databaseOnly']
      if (capture && !options.onlyVisits) {
        const file = path.join(BENCH_DIR, 'statements.jsonl')
        await ask(server, { type: 'bench:capture', on: false })
        await ask(server, { type: 'bench:dump', file })
        await stopServer(server)
        const replayed = await replayStatements(where.url as string, file, 20)
        const perRequest = statementsPerRequest ?? 1
        databaseOnly = {
          requestsPerSecond: replayed.statementsPerSecond / perRequest,
          statementsPerRequest: perRequest,
          tool: replayed.tool,
        }
      }
      if (!options.onlyVisits) {
        bare ??= await bareBaseline(bodies, measured[0]?.[0]?.cookie ?? '', connections)
      }
      figures.push({
        label: `${embedded ? 'embedded' : 'PostgreSQL'}, kept reads ${readCache ? 'on' : 'off'}`,
        keptReads: readCache,
        requests: result.requests.total,
        requestsPerSecond: perSecond(result),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        errors: result.errors + result.non2xx,
        errorKinds: [
          ...[...statuses].filter(([status]) => status >= 300).map(([s, n]) => `${n}× ${s}`),
          ...(result.timeouts ? [`${result.timeouts} timed out`] : []),
          ...(result.errors - result.timeouts > 0
            ? [`${result.errors - result.timeouts} failed`]
            : []),
        ].join(', '),
        serverCpuMsPerRequest: serverCpuMs / result.requests.total,
        hitRate: hits + misses > 0 ? hits / (hits + misses) : 0,
        ...(bare ? { bareRequestsPerSecond: bare, ratioToBare: perSecond(result) / bare } : {}),
        ...(statementsPerRequest !== undefined ? { statementsPerRequest } : {}),
        residentMb,
        ...(databaseOnly ? { databaseOnly } : {}),
      })
    } finally {
      await stopServer(server)
    }
  }
  return { figures, users: measured.length, connections, patients }
}
