import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'

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
  await db
    .updateTable('staff_users')
    .set({ last_sign_in_at: now })
    .where('id', '=', staffUserId)
    .execute()
}
