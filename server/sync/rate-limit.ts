import { sql } from 'kysely'
import type { Database } from '../platform/db/database.ts'
import { Problem } from '../platform/http/problems.ts'

/** Requests per key: `perSecond` on average, up to `burst` at once (a token bucket). */
export interface SyncRateLimit {
  perSecond: number
  burst: number
}

export const DEFAULT_SYNC_RATE_LIMIT: SyncRateLimit = { perSecond: 50, burst: 50 }

export class TooManyRequests extends Problem {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'too-many-requests',
      'Too many requests',
      `This key has sent more requests than it may; wait ${retryAfterSeconds} s (Retry-After), or send a batch.`,
    )
  }
}

/**
 * Takes one request's token from the key's bucket and decides, in ONE statement: the key's row
 * lock orders parallel requests (on every app instance) and each one's `returning` is its own
 * decision. The bucket refills by the time since its last request, at the statement's time;
 * a statement that waited behind a later one refills nothing rather than going back in time.
 */
export async function takeToken(db: Database, keyId: number, limit: SyncRateLimit) {
  const refilled = sql`least(${limit.burst}::float8, b.tokens + ${limit.perSecond}::float8 *
    greatest(0, extract(epoch from statement_timestamp() - b.refilled_at)))`
  const { rows } = await sql<{ allowed: boolean; tokens: number }>`
    insert into sync_rate_buckets as b (key_id, tokens, refilled_at, allowed)
    values (${keyId}, ${limit.burst - 1}::float8, statement_timestamp(), true)
    on conflict (key_id) do update set
      tokens = case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end,
      refilled_at = greatest(b.refilled_at, statement_timestamp()),
      allowed = ${refilled} >= 1
    returning allowed, tokens`.execute(db)
  const row = rows[0]
  if (!row || row.allowed) return
  throw new TooManyRequests(Math.max(1, Math.ceil((1 - row.tokens) / limit.perSecond)))
}
