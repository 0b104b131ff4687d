import type { Database } from '../../platform/db/database.ts'
import type { StaffRole } from '../../platform/db/schema.ts'

export async function insertStaffUser(
  trx: Database,
  staff: {
    practiceId: number
    username: string
    displayName: string
    role: StaffRole
    passwordHash: string
  },
) {
  const row = await trx
    .insertInto('staff_users')
    .values({
      practice_id: staff.practiceId,
      username: staff.username,
      display_name: staff.displayName,
      role: staff.role,
      password_hash: staff.passwordHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}
