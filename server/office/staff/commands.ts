import { hashPassword } from '../../platform/auth/passwords.ts'
import { newOneTimePassword } from '../../platform/auth/tokens.ts'
import type { Database } from '../../platform/db/database.ts'
import type { StaffRole } from '../../platform/db/schema.ts'
import { Conflict, Invalid, NotFound } from '../../platform/http/problems.ts'
import { usernameTaken } from '../../practice/queries.ts'
import type { StaffActor } from '../staff-audit.ts'
import {
  countOtherActiveAdmins,
  endStaffSessions,
  findStaffMember,
  insertStaffUser,
  lockPracticeStaff,
  setStaffActive,
  setTemporaryStaffPassword,
} from './queries.ts'
import { newStaffErrors, statusChangeProblem } from './rules.ts'

function audit(trx: Database, actor: StaffActor, action: string, targetId: number) {
  return actor.audit.record(trx, action, { target: { type: 'staff_user', id: targetId } })
}

async function memberOrNotFound(db: Database, actor: StaffActor, staffId: number) {
  const member = await findStaffMember(db, actor.staff.practice_id, staffId)
  if (!member) throw new NotFound('No such staff member.')
  return member
}

const usernameTakenConflict = () =>
  new Conflict('Please choose another user name.', { username: 'This user name is taken.' })

/** A new staff account with a one-time password, which is returned this once and kept hashed. */
export async function createStaffMember(
  db: Database,
  actor: StaffActor,
  wanted: { username: string; displayName: string; role: StaffRole },
) {
  const member = {
    ...wanted,
    username: wanted.username.trim(),
    displayName: wanted.displayName.trim(),
  }
  const errors = newStaffErrors(member)
  if (Object.keys(errors).length > 0)
    throw new Invalid('Please check the highlighted fields.', errors)
  if (await usernameTaken(db, 'staff_users', actor.staff.practice_id, member.username)) {
    throw usernameTakenConflict()
  }
  const oneTimePassword = newOneTimePassword()
  const passwordHash = await hashPassword(oneTimePassword)
  try {
    await db.transaction().execute(async (trx) => {
      const id = await insertStaffUser(trx, {
        practiceId: actor.staff.practice_id,
        passwordHash,
        passwordIsTemporary: true,
        ...member,
      })
      await audit(trx, actor, 'staff.created', id)
    })
  } catch (error) {
    // Another administrator took the same user name a moment ago (the unique index decided).
    if ((error as { code?: unknown }).code === '23505') throw usernameTakenConflict()
    throw error
  }
  return { username: member.username, oneTimePassword }
}

/** A new one-time password; the member's sessions end with the old one. */
export async function resetStaffPassword(db: Database, actor: StaffActor, staffId: number) {
  const member = await memberOrNotFound(db, actor, staffId)
  const oneTimePassword = newOneTimePassword()
  const passwordHash = await hashPassword(oneTimePassword)
  await db.transaction().execute(async (trx) => {
    await setTemporaryStaffPassword(trx, member.id, passwordHash)
    await endStaffSessions(trx, member.id)
    await audit(trx, actor, 'staff.password_reset', member.id)
  })
  return { username: member.username, oneTimePassword }
}

/**
 * Disables or enables an account. Decided under the practice's row lock, so the last active
 * administrator survives any number of administrators disabling one another at once.
 */
export async function changeStaffStatus(
  db: Database,
  actor: StaffActor,
  staffId: number,
  active: boolean,
) {
  await db.transaction().execute(async (trx) => {
    await lockPracticeStaff(trx, actor.staff.practice_id)
    const member = await memberOrNotFound(trx, actor, staffId)
    const problem = statusChangeProblem({
      actorId: actor.staff.id,
      target: { id: member.id, role: member.role, active: member.is_active },
      active,
      otherActiveAdmins: await countOtherActiveAdmins(trx, actor.staff.practice_id, member.id),
    })
    if (problem) throw new Conflict(problem)
    if (member.is_active === active) return
    await setStaffActive(trx, member.id, active)
    if (!active) await endStaffSessions(trx, member.id)
    await audit(trx, actor, active ? 'staff.enabled' : 'staff.disabled', member.id)
  })
  return memberOrNotFound(db, actor, staffId)
}
