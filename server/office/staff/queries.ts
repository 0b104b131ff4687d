import { endSessions } from '../../platform/auth/sessions.ts'
import type { Database } from '../../platform/db/database.ts'
import { lockRowById, practiceRow, updateRowById } from '../../platform/db/rows.ts'
import type { StaffRole } from '../../platform/db/schema.ts'

export async function insertStaffUser(
  trx: Database,
  staff: {
    practiceId: number
    username: string
    displayName: string
    role: StaffRole
    passwordHash: string
    /** A one-time password an administrator hands over, to be replaced at first sign-in. */
    passwordIsTemporary: boolean
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
      password_is_temporary: staff.passwordIsTemporary,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

const MEMBER_COLUMNS = [
  'id',
  'username',
  'display_name',
  'role',
  'is_active',
  'last_sign_in_at',
] as const

export async function listStaff(db: Database, practiceId: number) {
  return db
    .selectFrom('staff_users')
    .select(MEMBER_COLUMNS)
    .where('practice_id', '=', practiceId)
    .orderBy('is_active', 'desc')
    .orderBy('display_name')
    .execute()
}

export async function findStaffMember(db: Database, practiceId: number, staffId: number) {
  return practiceRow(db, 'staff_users', practiceId, staffId)
    .select(MEMBER_COLUMNS)
    .executeTakeFirst()
}

export type StaffMemberRow = NonNullable<Awaited<ReturnType<typeof findStaffMember>>>

/**
 * Holds the practice's row until the transaction ends, so two administrators disabling each
 * other at once are decided one after the other: the second sees the first one's change.
 */
export async function lockPracticeStaff(trx: Database, practiceId: number) {
  await lockRowById(trx, 'practices', practiceId)
}

export async function countOtherActiveAdmins(trx: Database, practiceId: number, staffId: number) {
  const row = await trx
    .selectFrom('staff_users')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('practice_id', '=', practiceId)
    .where('role', '=', 'admin')
    .where('is_active', '=', true)
    .where('id', '<>', staffId)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

export async function setStaffActive(trx: Database, staffId: number, active: boolean) {
  await updateRowById(trx, 'staff_users', staffId, { is_active: active })
}

/** A one-time password from an administrator: the member replaces it at their next sign-in. */
export async function setTemporaryStaffPassword(
  trx: Database,
  staffId: number,
  passwordHash: string,
) {
  await updateRowById(trx, 'staff_users', staffId, {
    password_hash: passwordHash,
    password_is_temporary: true,
  })
}

/** Signs a staff member out everywhere (password reset, account disabled). */
export async function endStaffSessions(trx: Database, staffId: number, now = new Date()) {
  await endSessions(trx, { staff_user_id: staffId }, { now })
}
