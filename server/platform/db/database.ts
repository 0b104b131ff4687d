import fs from 'node:fs/promises'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect, sql } from 'kysely'
import type pgDriver from 'pg'
import { PGliteDialect } from './pglite-dialect.ts'
import {
  type QueryObserver,
  watchWhileLent,
  withPreparedStatements,
} from './prepared-statements.ts'
import type { DB } from './schema.ts'

export type Database = Kysely<DB>

/** Runs plain SQL text, several statements at a time, on one session (migrations, set-up). */
export type ScriptSession = (text: string) => Promise<void>

export interface DatabaseHandle {
  db: Database
  kind: 'pglite' | 'postgres'
  /** Lends one session to `work`, for multi-statement scripts and session-level locks. */
  withSession<T>(work: (run: ScriptSession) => Promise<T>): Promise<T>
  close(): Promise<void>
  /**
   * Delivers the notifications of a channel until the returned function is called. `onLost` says
   * that some may have been missed (the connection dropped); listen again to go on.
   */
  listen(channel: string, events: ListenEvents): Promise<() => Promise<void>>
  /**
   * True when a notification arrives before the statement that caused it has returned (the
   * embedded database); PostgreSQL delivers it a moment later over another connection.
   */
  notifiesImmediately: boolean
  /** Embedded only: the whole data folder as a tarball (test templates). */
  dumpDataDir?(): Promise<Blob>
}

export interface ListenEvents {
  onMessage(payload: string): void
  onLost(error: Error): void
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; without it the embedded database is used. */
  url?: string | undefined
  /** Folder for the embedded database; omitted means in memory (tests). */
  dataDir?: string | undefined
  /** PostgreSQL only: the schema to work in (tests isolate each file in its own). */
  schema?: string | undefined
  poolSize?: number
  /** Embedded only: start from this dump of a data folder instead of an empty database. */
  template?: Blob | undefined
  /**
   * PostgreSQL only: a pooled connection failed while nobody was using it (a restart, a
   * failover, `pg_terminate_backend`). The pool has already dropped it and opens another when
   * one is needed; this only reports it.
   */
  onConnectionLost?: ((error: Error) => void) | undefined
  /** PostgreSQL only: told of each pooled statement (the bench's capture; see bench-probe.ts). */
  onQuery?: QueryObserver | undefined
}

/**
 * Bounds on waiting for PostgreSQL, so a request meets a 503 rather than hanging: opening a
 * connection (or waiting for a free one), and one statement's answer (a network cut sends no
 * error). Long scripts (migrations through `withSession`) are not bounded.
 */
export const CONNECT_TIMEOUT_MS = 5000
export const QUERY_TIMEOUT_MS = 30_000

// The same JavaScript values come out of both drivers: ids and cents as numbers (bigint columns
// stay far below 2^53), calendar dates as 'YYYY-MM-DD' strings (a birthdate has no time zone).
const INT8 = 20
const DATE = 1082

/** The PostgreSQL driver, loaded only when DATABASE_URL asks for it (the embedded database needs none). */
async function loadPg(): Promise<typeof pgDriver> {
  const { default: driver } = await import('pg')
  driver.types.setTypeParser(INT8, (value) => Number(value))
  driver.types.setTypeParser(DATE, (value) => value)
  return driver
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options)
  return openPGlite(options.dataDir, options.template)
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  const pg = await loadPg()
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 20,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  })
  // Without a listener, an idle connection's error is thrown as an uncaught exception, and a
  // database restart would end the process.
  pool.on('error', (error) => options.onConnectionLost?.(error))
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({
      pool: withPreparedStatements(pool, {
        queryTimeoutMs: QUERY_TIMEOUT_MS,
        ...(options.onQuery ? { onQuery: options.onQuery } : {}),
      }),
    }),
  })
  await sql`select 1`.execute(db)
  return {
    db,
    kind: 'postgres',
    async withSession(work) {
      const client = await pool.connect()
      const broken = watchWhileLent(client)
      try {
        return await work(async (text) => {
          await client.query(text)
        })
      } finally {
        broken.stop()
        client.release(broken.error)
      }
    },
    listen: (channel, events) => listenPostgres(pg, url, channel, events, options.schema),
    notifiesImmediately: false,
    close: () => db.destroy(),
  }
}

/** A connection of its own: a pooled one would stop listening when handed to someone else. */
async function listenPostgres(
  pg: typeof pgDriver,
  url: string,
  channel: string,
  events: ListenEvents,
  schema: string | undefined,
) {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    // Named, so an operator (or a test) can tell this connection from the pool's.
    application_name: schema ? `bitewing changes ${schema}` : 'bitewing changes',
  })
  let stopped = false
  const lost = (error: Error) => {
    if (stopped) return
    stopped = true
    client.end().catch(() => {})
    events.onLost(error)
  }
  client.on('error', lost)
  client.on('end', () => lost(new Error('The notification connection closed')))
  client.on('notification', (message) => {
    if (message.channel === channel) events.onMessage(message.payload ?? '')
  })
  try {
    await client.connect()
    await client.query(`listen ${client.escapeIdentifier(channel)}`)
  } catch (error) {
    stopped = true
    await client.end().catch(() => {})
    throw error
  }
  return async () => {
    stopped = true
    await client.end().catch(() => {})
  }
}

/**
 * Settings the embedded database starts with, beside PGlite's own. Its shared buffers live in the
 * WebAssembly memory of this process and are touched at start, so initdb's 128 MB default made
 * 100 MB of the server's idle memory; a page not among them is read from the data folder through
 * the operating system's cache, so a small practice's reads stay in memory all the same
 * (docs/decisions.md, "The embedded database starts small"). 8 MB rather than 16 saved 7 MB more
 * idle at no cost the tabs bench could see on a 5,000-patient practice. PGlite is one session, so
 * room for 100 connections (their process slots and a lock table sized for 64 locks each) was 3 MB
 * of shared memory for nothing: 8 connections of 128 locks; the lock table grows into spare shared
 * memory beyond that, and all the migrations in one transaction (1,713 locks) still ran
 * (docs/decisions.md, "A start compiles what it uses").
 */
export const PGLITE_SETTINGS = [
  'shared_buffers=8MB',
  'max_connections=8',
  'max_locks_per_transaction=128',
]

async function openPGlite(
  dataDir: string | undefined,
  template: Blob | undefined,
): Promise<DatabaseHandle> {
  let target: string | undefined
  if (dataDir) {
    target = path.join(dataDir, 'pglite')
    await fs.mkdir(target, { recursive: true })
  }
  const pglite = await PGlite.create(target ?? 'memory://', {
    parsers: { [INT8]: (value: string) => Number(value), [DATE]: (value: string) => value },
    startParams: [
      ...PGlite.defaultStartParams,
      ...PGLITE_SETTINGS.flatMap((setting) => ['-c', setting]),
    ],
    ...(template ? { loadDataDir: template } : {}),
  })
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) })
  return {
    db,
    kind: 'pglite',
    // Only called before the app serves requests, so nothing else shares the single session.
    withSession: (work) =>
      work(async (text) => {
        await pglite.exec(text)
      }),
    // Through the driver's queue, so LISTEN never lands inside someone's open transaction.
    listen: (channel, events) =>
      db.connection().execute(async () => {
        const stop = await pglite.listen(channel, (payload) => events.onMessage(payload))
        return () => db.connection().execute(() => stop())
      }),
    notifiesImmediately: true,
    close: async () => {
      await db.destroy()
      await pglite.close()
    },
    dumpDataDir: () => pglite.dumpDataDir('gzip'),
  }
}

/** True when the database answers; used by `/readyz`. */
export async function isReachable(db: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(db)
    return true
  } catch {
    return false
  }
}
