import { type QueryCreator, sql } from 'kysely'
import { hashToken, newToken } from '../platform/auth/tokens.ts'
import type { Database } from '../platform/db/database.ts'
import type { DB } from '../platform/db/schema.ts'

/** What a practice-management system presents: `bw_` then 256 random bits. Shown once, stored hashed. */
const KEY_PREFIX = 'bw_'

export interface CreatedSyncKey {
  id: number
  name: string
  /** The whole key: returned to whoever created it, once; never stored, logged or shown again. */
  key: string
  /** The first characters, kept readable so staff can tell keys apart. */
  keyPrefix: string
}

export async function createSyncKey(
  db: Database,
  practiceId: number,
  name: string,
): Promise<CreatedSyncKey> {
  const key = KEY_PREFIX + newToken()
  const keyPrefix = key.slice(0, KEY_PREFIX.length + 6)
  const row = await db
    .insertInto('sync_api_keys')
    .values({ practice_id: practiceId, name, key_prefix: keyPrefix, key_hash: hashToken(key) })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: Number(row.id), name, key, keyPrefix }
}

export interface SyncKeyHolder {
  keyId: number
  practiceId: number
  name: string
}

/** How stale a key's last use may be before a request records it again. */
const LAST_USE_GRANULARITY = sql`interval '1 minute'`

/**
 * The practice a presented key belongs to, or null when it is unknown or revoked. Marks the key
 * used (shown on the office's Sync API keys page) in the same statement, at most once a minute: a
 * PMS calling many times a second would otherwise write the key's row on every call, and every
 * parallel call would queue on that row's lock.
 */
export async function authenticateSyncKey(
  db: Database,
  presented: string,
): Promise<SyncKeyHolder | null> {
  if (!presented.startsWith(KEY_PREFIX)) return null
  const keyHash = hashToken(presented)
  const live = (qb: QueryCreator<DB>) =>
    qb.selectFrom('sync_api_keys').where('key_hash', '=', keyHash).where('revoked_at', 'is', null)
  const row = await db
    .with('presented_key', (qb) => live(qb).select(['id', 'practice_id', 'name']))
    .with('marked', (qb) =>
      qb
        .updateTable('sync_api_keys')
        .set({ last_used_at: sql`now()` })
        .where('id', 'in', live(qb).select('id'))
        .where((eb) =>
          eb.or([
            eb('last_used_at', 'is', null),
            eb('last_used_at', '<', sql<Date>`now() - ${LAST_USE_GRANULARITY}`),
          ]),
        )
        .returning('id'),
    )
    .selectFrom('presented_key')
    .select(['id', 'practice_id', 'name'])
    .executeTakeFirst()
  return row ? { keyId: Number(row.id), practiceId: Number(row.practice_id), name: row.name } : null
}

export async function revokeSyncKey(db: Database, practiceId: number, keyId: number) {
  const result = await db
    .updateTable('sync_api_keys')
    .set({ revoked_at: new Date() })
    .where('id', '=', keyId)
    .where('practice_id', '=', practiceId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}
