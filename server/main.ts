import fs from 'node:fs/promises'
import net from 'node:net'
import closeWithGrace from 'close-with-grace'
import { buildApp } from './app.ts'
import { createBackgroundWorker } from './background.ts'
import { type Config, loadConfig } from './config.ts'
import { type DemoSignIn, workingDemoSignInsKept } from './demo/working-sign-ins.ts'
import { issueSetupLink } from './office/setup/setup.ts'
import { startBenchProbe } from './platform/db/bench-probe.ts'
import { type DatabaseHandle, openDatabase } from './platform/db/database.ts'
import { migrate } from './platform/db/migrate.ts'
import { NO_READ_CACHE, startReadCache } from './platform/db/read-cache.ts'
import { isDatabaseUnavailable } from './platform/db/unavailable.ts'
import { openFileStorage } from './platform/files/open.ts'
import type { FileStorage } from './platform/files/storage.ts'
import { safeError } from './platform/http/logging.ts'
import { createSecretBox, loadSecretKey } from './platform/mail/secrets.ts'
import { explainStartupError } from './startup-errors.ts'

/** Process entry: configuration → database → migrations → demo practice → app → listen. */
async function main() {
  const config = loadConfig()
  // A taken port is found out before minutes of migrations and demo data, not after.
  await ensurePortFree(config.host, config.port)
  await ensureWritable(config.dataDir)
  const secrets = createSecretBox(await loadSecretKey(config.dataDir, config.secretKey))
  let app: Awaited<ReturnType<typeof buildApp>> | undefined
  let reads: Awaited<ReturnType<typeof startReadCache>> | undefined
  const probe = startBenchProbe()
  const database = await openDatabase({
    onQuery: probe?.onQuery,
    url: config.databaseUrl,
    dataDir: config.dataDir,
    onConnectionLost: (error) =>
      app?.log.warn({ code: (error as { code?: unknown }).code }, 'database connection lost'),
  })
  const files = await openFileStorage(config.files, config.dataDir)
  const worker = createBackgroundWorker({
    db: database.db,
    files,
    config,
    secrets,
    // While the database is away every poll fails the same way; the pool already said so once.
    onError: (error) =>
      isDatabaseUnavailable(error)
        ? app?.log.debug({ err: error }, 'background jobs waiting for the database')
        : app?.log.warn({ err: error }, 'background job failed'),
  })
  let stopSignal: string | undefined
  const shutdown = closeWithGrace(
    // Stop signals are ours (below); close-with-grace still ends the process on a crash.
    { delay: SHUTDOWN_GRACE_MS, skip: [...STOP_SIGNALS] },
    async ({ err }) => {
      // An uncaught database error carries its statement's parameters: print only what is safe.
      if (err) console.error(safeError(err).stack)
      console.log(`Bitewing is shutting down (${stopSignal ?? 'unexpected error'}).`)
      // The worker stops claiming while requests in progress finish; both then end their work.
      await Promise.all([app?.close(), worker.stop()])
      await reads?.stop()
      await database.close()
      files.close?.()
    },
  )
  onFirstStopSignal((signal) => {
    stopSignal = signal
    void shutdown.close()
  })
  await migrate(database)
  const demo = config.demo ? await ensureDemo(database, files) : undefined
  // Outside the demo an empty database waits for a practice: whoever started it gets the link.
  const setupLink = config.demo ? null : await issueSetupLink(database.db, config.publicUrl)
  reads = config.readCache
    ? await startReadCache(database, (error) =>
        app?.log.warn(
          { err: error },
          'change notifications interrupted; reading from the database',
        ),
      )
    : undefined
  probe?.watch(reads ?? NO_READ_CACHE)
  app = await buildApp({
    config,
    db: database.db,
    files,
    reads,
    secrets,
    syncRateLimit: config.syncRateLimit,
  })
  await app.listen({ host: config.host, port: config.port })
  worker.start()
  const signIns = config.demo ? await workingDemoSignInsKept(database.db, config.dataDir) : []
  printWelcome(config, database, demo?.created ?? false, signIns, setupLink)
}

// Longest a shutdown may wait for requests in progress and the job at hand.
const SHUTDOWN_GRACE_MS = 10_000
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const satisfies NodeJS.Signals[]

/**
 * Ctrl-C and systemd signal the whole process group, so the server hears the signal itself and
 * again from `npm start` passing it on (npm, too, passes it on). The copies are one request to
 * stop: only the first counts, and the grace delay bounds how long the stop may take.
 */
function onFirstStopSignal(stop: (signal: NodeJS.Signals) => void) {
  let stopping = false
  for (const signal of STOP_SIGNALS) {
    process.on(signal, () => {
      if (stopping) {
        console.log(
          `Bitewing is stopping already: requests in progress may take up to ${SHUTDOWN_GRACE_MS / 1000} s.`,
        )
        return
      }
      stopping = true
      stop(signal)
    })
  }
}

function ensurePortFree(host: string, port: number) {
  if (port === 0) return Promise.resolve()
  return new Promise<void>((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(port, host, () => probe.close(() => resolve()))
  })
}

/**
 * Creates the demo practice in an empty database. The generator (and its PDF and image
 * libraries) is loaded only then, so later starts stay quick.
 */
async function ensureDemo(database: DatabaseHandle, files: FileStorage) {
  const existing = await database.db
    .selectFrom('practices')
    .select('id')
    .limit(1)
    .executeTakeFirst()
  if (existing) return { created: false }
  const { ensureDemoPractice } = await import('./demo/generate.ts')
  return ensureDemoPractice(database.db, files)
}

async function ensureWritable(dataDir: string) {
  await fs.mkdir(dataDir, { recursive: true })
  await fs.access(dataDir, fs.constants.W_OK)
}

function printWelcome(
  config: Config,
  database: DatabaseHandle,
  demoCreated: boolean,
  signIns: DemoSignIn[],
  setupLink: string | null,
) {
  const where = database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'
  const lines = [
    '',
    `Bitewing is running (${where}).`,
    `  Patient portal:  ${config.publicUrl}/`,
    `  Office console:  ${config.publicUrl}/office/`,
  ]
  if (signIns.length > 0) {
    lines.push('', demoCreated ? 'Demo practice created. Sign in with:' : 'Demo sign-ins:')
    for (const signIn of signIns) {
      lines.push(
        `  ${signIn.where.padEnd(8)} ${signIn.username.padEnd(13)} ${signIn.password.padEnd(17)} ${signIn.who}`,
      )
    }
  }
  if (setupLink) {
    lines.push(
      '',
      'No practice has been set up yet. Open this one-time link to set it up',
      '(or run `npm run setup`; a new link is printed at each start until then):',
      `  ${setupLink}`,
    )
  }
  console.log(`${lines.join('\n')}\n`)
}

main().catch((error: unknown) => {
  const config = safeConfig()
  const explained = explainStartupError(error, {
    port: config?.port ?? 3000,
    dataDir: config?.dataDir ?? 'data',
    databaseUrl: config?.databaseUrl,
  })
  if (explained) console.error(`Bitewing could not start: ${explained}`)
  else console.error('Bitewing could not start:', safeError(error).stack)
  process.exit(1)
})

function safeConfig(): Config | undefined {
  try {
    return loadConfig()
  } catch {
    return undefined
  }
}
