import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { DatabaseHandle } from './database.ts'

/** The channel migration 0003 announces on. */
export const CHANGES_CHANNEL = 'bitewing_changes'
const SETTLE_PREFIX = '~settled '
const SETTLE_TIMEOUT_MS = 2000
// Short at first (a restart takes a second or two) and never long: while the feed is down every
// read goes to the database, which costs more than an attempt to reconnect.
const RECONNECT_DELAYS_MS = [100, 250, 500, 1000, 2000, 3000]
// A connection can die without a word (a network cut); a notification sent to ourselves that
// does not come back says so within this much plus SETTLE_TIMEOUT_MS.
const HEARTBEAT_MS = 10_000

/**
 * The tables whose changes migration 0003 announces, each by the key named there (a patient's,
 * a session's, a practice's id) or as a whole. A cached read may depend on these alone.
 */
export const WATCHED_TABLES = [
  'sessions',
  'portal_users',
  'portal_settings',
  'practices',
  'patients',
  'patient_representatives',
  'appointments',
  'appointment_procedures',
  'recalls',
  'statements',
  'payments',
  'treatment_plans',
  'treatment_plan_rows',
  'documents',
  'providers',
  'clinics',
  'recall_types',
  'image_categories',
] as const

export type WatchedTable = (typeof WATCHED_TABLES)[number]

/** A table a cached read depends on, with the key it is read by (omitted: the whole table). */
export type Dependency = readonly [table: WatchedTable, key?: number]

export interface ChangeFeed {
  /** True while every change is known to arrive; while false, nothing may be served from memory. */
  readonly live: boolean
  /** A mark to take before reading: changes that arrive later are newer than the mark. */
  mark(): number
  /** Whether a change to any of these arrived after `mark` was taken (or it cannot be known). */
  changedSince(mark: number, dependencies: readonly Dependency[]): boolean
  /** Resolves once every change committed before the call has arrived here. */
  settle(): Promise<void>
  stop(): Promise<void>
}

interface FeedOptions {
  /** How long a change is remembered; a read older than this is never served anyway. */
  rememberMs: number
  onLost?: (error: Error) => void
}

/**
 * Follows the change notifications that the database's triggers send (migration 0003) and
 * remembers, per table and key, the mark of the latest one. A read taken at mark M is current as
 * long as none of its dependencies changed after M.
 */
export async function startChangeFeed(
  handle: DatabaseHandle,
  options: FeedOptions,
): Promise<ChangeFeed> {
  let counter = 0
  // A mark below this was taken before notifications may have been missed: nothing older counts.
  let validFrom = 0
  let live = false
  let stopped = false
  let unlisten: (() => Promise<void>) | undefined
  const tables = new Map<string, number>()
  // Per table, per key: the mark of its latest change, in two generations: changes of the last
  // `rememberMs` and of the one before. A bare number per key, not an object with its arrival
  // time, keeps a bulk load's hundreds of thousands of keys small and forgetting them O(1).
  let keys = new Map<string, Map<number, number>>()
  let olderKeys = new Map<string, Map<number, number>>()
  const settling = new Map<string, () => void>()
  // Every instance listening on the database hears every settle: ours carry our own prefix.
  const settlePrefix = `${SETTLE_PREFIX}${randomUUID()}:`
  let settleCount = 0

  function receive(payload: string) {
    if (payload.startsWith(SETTLE_PREFIX)) {
      settling.get(payload)?.()
      return
    }
    const mark = ++counter
    const space = payload.indexOf(' ')
    if (space < 0) {
      tables.set(payload, mark)
      return
    }
    const table = payload.slice(0, space)
    let changed = keys.get(table)
    if (!changed) {
      changed = new Map()
      keys.set(table, changed)
    }
    for (const key of payload.slice(space + 1).split(',')) changed.set(Number(key), mark)
  }

  function lose(error: Error) {
    if (!live) return // already reconnecting
    live = false
    validFrom = ++counter
    const previous = unlisten
    unlisten = undefined
    void previous?.()
    for (const release of settling.values()) release()
    settling.clear()
    options.onLost?.(error)
    if (!stopped) void reconnect(0)
  }

  async function connect() {
    const stopListening = await handle.listen(CHANGES_CHANNEL, { onMessage: receive, onLost: lose })
    if (stopped) {
      await stopListening()
      return
    }
    unlisten = stopListening
    // Whatever happened while nobody listened is unknown: reads from before now do not count.
    validFrom = ++counter
    live = true
  }

  async function reconnect(attempt: number) {
    const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)]
    await new Promise((resolve) => setTimeout(resolve, delay).unref())
    if (stopped) return
    try {
      await connect()
    } catch (error) {
      options.onLost?.(error as Error)
      void reconnect(attempt + 1)
    }
  }

  // Changes remembered longer than any read is kept would never matter again: each is kept for
  // between one and two `rememberMs`, never less.
  const forget = setInterval(() => {
    olderKeys = keys
    keys = new Map()
  }, options.rememberMs)
  forget.unref()
  const heartbeat = setInterval(() => {
    if (live) void feed.settle()
  }, HEARTBEAT_MS)
  heartbeat.unref()

  try {
    await connect()
  } catch (error) {
    // Reads go to the database until notifications can be followed.
    options.onLost?.(error as Error)
    void reconnect(0)
  }

  const feed: ChangeFeed = {
    get live() {
      return live
    },
    mark: () => counter,
    changedSince(mark, dependencies) {
      if (!live || mark < validFrom) return true
      for (const [table, key] of dependencies) {
        if ((tables.get(table) ?? 0) > mark) return true
        if (key === undefined) continue
        const latest = keys.get(table)?.get(key) ?? olderKeys.get(table)?.get(key) ?? 0
        if (latest > mark) return true
      }
      return false
    },
    // Never fails: a write that has committed must still be answered. Trouble means "lost".
    async settle() {
      // The embedded database has already delivered everything when a statement returns.
      if (handle.notifiesImmediately || !live || stopped) return
      const id = `${settlePrefix}${++settleCount}`
      const arrived = new Promise<void>((resolve) => settling.set(id, resolve))
      try {
        // Sent after the caller's commit, so it arrives after that commit's notifications.
        await sql`select pg_notify(${CHANGES_CHANNEL}, ${id})`.execute(handle.db)
      } catch (error) {
        settling.delete(id)
        lose(error as Error)
        return
      }
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), SETTLE_TIMEOUT_MS)
      })
      const outcome = await Promise.race([arrived, late])
      clearTimeout(timer)
      settling.delete(id)
      if (outcome === 'late') lose(new Error('Change notifications stopped arriving'))
    },
    async stop() {
      stopped = true
      live = false
      clearInterval(forget)
      clearInterval(heartbeat)
      await unlisten?.()
    },
  }
  return feed
}
