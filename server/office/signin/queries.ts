import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'
import { updateRowById } from '../../platform/db/rows.ts'

export async function findStaffForSignIn(db: Database, practiceId: number, username: string) {
  return db
    .selectFrom('staff_users')
    .select(['id', 'practice_id', 'username', 'password_hash'])
    .where('practice_id', '=', practiceId)
    .where(sql`lower(username)`, '=', username.trim().toLowerCase())
    .where('is_active', '=', true)
    .executeTakeFirst()
}

export async function recordStaffSignIn(db: Database, staffUserId: number, now = new Date()) {
  await updateRowById(db, 'staff_users', staffUserId, { last_sign_in_at: now })
}
