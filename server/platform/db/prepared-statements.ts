import type { PostgresPool, PostgresPoolClient } from 'kysely'
import type pg from 'pg'
import { isDatabaseUnavailable } from './unavailable.ts'

/** Told of each statement as it is sent (the bench captures them to replay without the server). */
export type QueryObserver = (text: string, values: readonly unknown[]) => void

/**
 * Beyond these, texts run unnamed: bulk inserts vary in length and gain nothing from a plan. So
 * does a text given a list (`external_id = any($2)`, the sync API's lookups): it is planned for
 * that list and the table as it is now. A kept plan is replaced only when the table is analyzed,
 * so one made while a bulk load's table was still empty scanned the whole table on every lookup
 * as it grew.
 */
const MAX_NAMED_STATEMENTS = 1000
const MAX_NAMED_PARAMETERS = 100

/** A pooled connection as Kysely sees it, with the error it met while lent (if any). */
interface Lent {
  connection: PostgresPoolClient
  error: Error | undefined
}

/**
 * Gives each distinct SQL text a statement name, so that every pooled connection parses and
 * plans it once and then only binds and executes it. For the portal's short queries, planning
 * took longer than running them. The names live as long as the connection.
 *
 * Each pooled connection is wrapped once and the same wrapper is lent every time: Kysely keeps
 * its own connection object per wrapper, so a new wrapper per lending made it build another (and
 * remember it in a WeakSet) for every statement.
 */
export function withPreparedStatements(
  pool: pg.Pool,
  options: { queryTimeoutMs?: number; onQuery?: QueryObserver } = {},
): PostgresPool {
  const names = new Map<string, string>()
  const wrappers = new WeakMap<pg.PoolClient, Lent>()

  function nameOf(text: string, values: readonly unknown[]): string | undefined {
    if (values.length > MAX_NAMED_PARAMETERS || values.some(Array.isArray)) return undefined
    let name = names.get(text)
    if (!name && names.size < MAX_NAMED_STATEMENTS) {
      name = `bitewing_${names.size + 1}`
      names.set(text, name)
    }
    return name
  }

  function wrap(client: pg.PoolClient): Lent {
    const lent: Lent = { connection: undefined as unknown as PostgresPoolClient, error: undefined }
    // Kysely passes either SQL text with values or, for streaming, a cursor to hand on as is.
    const query = async (text: unknown, parameters?: ReadonlyArray<unknown>) => {
      if (typeof text !== 'string') return client.query(text as pg.Submittable)
      // Kysely hands each statement a fresh copy of its values.
      const values = (parameters ?? []) as unknown[]
      options.onQuery?.(text, values)
      try {
        return await client.query({
          name: nameOf(text, values),
          text,
          values,
          query_timeout: options.queryTimeoutMs,
        } as pg.QueryConfig)
      } catch (error) {
        // A connection that timed out or dropped must not go back to the pool for reuse.
        if (isDatabaseUnavailable(error)) lent.error ??= error as Error
        throw error
      }
    }
    lent.connection = {
      query: query as unknown as PostgresPoolClient['query'],
      release: (destroy?: boolean) => client.release(lent.error ?? destroy),
    }
    // Listening for the whole life of the connection, lent or not: while it is idle the pool's
    // own listener drops it, so what is recorded here only matters while it is lent.
    client.on('error', (error) => {
      lent.error ??= error
    })
    return lent
  }

  return {
    async connect() {
      const client = await pool.connect()
      let lent = wrappers.get(client)
      if (!lent) {
        lent = wrap(client)
        wrappers.set(client, lent)
      }
      lent.error = undefined
      return lent.connection
    },
    end: () => pool.end(),
  }
}

/**
 * Watches a connection while it is lent out of the pool, where the pool's own listener is
 * detached: its error (the server restarting mid-transaction) would otherwise be thrown as an
 * uncaught exception. The error is kept so that the connection is destroyed on release.
 */
export function watchWhileLent(client: pg.PoolClient) {
  const watch = {
    error: undefined as Error | undefined,
    stop: () => client.removeListener('error', onError),
  }
  function onError(error: Error) {
    watch.error ??= error
  }
  client.on('error', onError)
  return watch
}
