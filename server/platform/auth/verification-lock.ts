import { sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { VERIFICATION_ATTEMPTS, VERIFICATION_LOCK_HOURS } from './access-rules.ts'

/**
 * Counts one try at "verify personal information" on the ACCOUNT, before the answer is compared,
 * and returns the tries used so far; undefined when the account is locked (the try is refused and
 * not counted). One statement: the row lock orders parallel tries, so no burst gets more than
 * `VERIFICATION_ATTEMPTS`. Misses older than the lock start again from nothing.
 */
export async function countVerificationTry(db: Database, portalUserId: number, now = new Date()) {
  const stale = sql`(verification_failed_at <= ${now}::timestamptz - make_interval(hours => ${VERIFICATION_LOCK_HOURS}))`
  const row = await db
    .updateTable('portal_users')
    .set({
      verification_failures: sql`case when ${stale} then 1 else verification_failures + 1 end`,
      verification_failed_at: now,
    })
    .where('id', '=', portalUserId)
    .where(sql<boolean>`(verification_failures < ${VERIFICATION_ATTEMPTS} or ${stale})`)
    .returning('verification_failures')
    .executeTakeFirst()
  return row?.verification_failures
}

/** A right answer (or the office unlocking the account) clears the misses. */
export async function clearVerificationMisses(db: Database, portalUserId: number) {
  await db
    .updateTable('portal_users')
    .set({ verification_failures: 0, verification_failed_at: null })
    .where('id', '=', portalUserId)
    .execute()
}
