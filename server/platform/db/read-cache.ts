import { LRUCache } from 'lru-cache'
import { type ChangeFeed, type Dependency, startChangeFeed } from './change-feed.ts'
import type { DatabaseHandle } from './database.ts'

export type { Dependency } from './change-feed.ts'

/** A backstop only: changes drop a read at once; this bounds one whose change was never seen. */
export const READ_TTL_MS = 60_000
/**
 * Roughly the memory the kept reads may use, counted as the length of their JSON (objects take
 * two to three times that): a few thousand tabs, inside the 300 MB the server may use.
 */
const MAX_JSON_CHARS = 16_000_000

interface Entry {
  value: unknown
  mark: number
  dependencies: readonly Dependency[]
}

export interface ReadOptions {
  /**
   * Read from the database even if a read is kept: the caller has just written what it reads
   * (inside a request, before its own change notifications have come back).
   */
  fresh?: boolean
}

export interface ReadCache {
  /**
   * `load()`'s result, from memory while none of the tables and keys it read from has changed
   * since (`dependsOn` names them from the result). Results are frozen: they are shared. A
   * read that finds nothing (undefined) is not kept.
   */
  read<T>(
    key: string,
    load: () => Promise<T>,
    dependsOn: (value: T) => Dependency[],
    options?: ReadOptions,
  ): Promise<T>
  /** Resolves once changes committed so far have dropped the reads they affect. */
  settle(): Promise<void>
  /** Reads answered from memory and from the database since the start (the bench reports them). */
  stats(): ReadStats
}

export interface ReadStats {
  hits: number
  misses: number
}

/**
 * Keeps recent reads (the portal guard's session context, the patient's tabs) in this process.
 * Any write to what they were read from, by anyone, arrives through the change feed and drops
 * them; while the feed is down, every read goes to the database.
 */
export function createReadCache(feed: ChangeFeed | undefined): ReadCache {
  const entries = new LRUCache<string, Entry>({
    maxSize: MAX_JSON_CHARS,
    sizeCalculation: (entry) => Math.max(1, JSON.stringify(entry.value)?.length ?? 1),
    ttl: READ_TTL_MS,
  })
  const counts: ReadStats = { hits: 0, misses: 0 }

  return {
    async read<T>(
      key: string,
      load: () => Promise<T>,
      dependsOn: (value: T) => Dependency[],
      options: ReadOptions = {},
    ) {
      if (!feed?.live) {
        counts.misses++
        return load()
      }
      const kept = options.fresh ? undefined : entries.get(key)
      if (kept && !feed.changedSince(kept.mark, kept.dependencies)) {
        counts.hits++
        return kept.value as T
      }
      counts.misses++
      // Taken before the query starts: a change committed after its snapshot arrives later.
      const mark = feed.mark()
      const value = deepFreeze(await load())
      // Nothing found is not kept: unknown keys (a guessed session token) must not fill memory.
      if (value === undefined || value === null) return value
      const dependencies = dependsOn(value)
      if (!feed.changedSince(mark, dependencies)) entries.set(key, { value, mark, dependencies })
      else entries.delete(key)
      return value
    },
    settle: () => feed?.settle() ?? Promise.resolve(),
    stats: () => ({ ...counts }),
  }
}

/**
 * Whether a result is shared by the requests a kept read serves (kept results are frozen), so
 * that work derived from it is worth remembering. A result read for one request is not: keying
 * a WeakMap by it would only keep per-request objects alive into V8's old generation.
 */
export function isKept(value: object): boolean {
  return Object.isFrozen(value)
}

/** Reads straight from the database, for tools and tests that want no memory between reads. */
export const NO_READ_CACHE: ReadCache = createReadCache(undefined)

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Date)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}

/** The cache with its change feed, for a process that serves requests; `stop` before closing. */
export async function startReadCache(
  handle: DatabaseHandle,
  onLost?: (error: Error) => void,
): Promise<ReadCache & { stop(): Promise<void> }> {
  const feed = await startChangeFeed(handle, {
    rememberMs: READ_TTL_MS,
    ...(onLost ? { onLost } : {}),
  })
  return Object.assign(createReadCache(feed), { stop: () => feed.stop() })
}
