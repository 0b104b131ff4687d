import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'
import { findColumnById, updateRowById } from '../../platform/db/rows.ts'

export async function findStaffForSignIn(db: Database, practiceId: number, username: string) {
  return db
    .selectFrom('staff_users')
    .select(['id', 'practice_id', 'username', 'password_hash', 'role'])
    .where('practice_id', '=', practiceId)
    .where(sql`lower(username)`, '=', username.trim().toLowerCase())
    .where('is_active', '=', true)
    .executeTakeFirst()
}

export async function recordStaffSignIn(db: Database, staffUserId: number, now = new Date()) {
  await updateRowById(db, 'staff_users', staffUserId, { last_sign_in_at: now })
}

export function findStaffPasswordHash(db: Database, staffUserId: number) {
  return findColumnById(db, 'staff_users', staffUserId, 'password_hash')
}

/**
 * Replaces a one-time password with the member's own, in one statement that also checks it was
 * one-time: of two tabs submitting at once, one succeeds and the other is told it is done.
 */
export async function replaceTemporaryStaffPassword(
  trx: Database,
  staffUserId: number,
  passwordHash: string,
) {
  const result = await trx
    .updateTable('staff_users')
    .set({ password_hash: passwordHash, password_is_temporary: false })
    .where('id', '=', staffUserId)
    .where('password_is_temporary', '=', true)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}
