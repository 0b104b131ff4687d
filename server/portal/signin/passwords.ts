import type { Static } from 'typebox'
import { newPasswordErrors } from '../../platform/auth/password-policy.ts'
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts'
import type { PortalUser } from '../../platform/auth/portal-guard.ts'
import { type Counter, clearAttempts } from '../../platform/auth/throttle.ts'
import { PASSWORD_CHANGE } from '../../platform/auth/throttle-rules.ts'
import type { Database } from '../../platform/db/database.ts'
import { AlreadyDone, Invalid } from '../../platform/http/problems.ts'
import { findPasswordHash, usernameTaken } from '../../practice/queries.ts'
import { usernameProblem } from '../../practice/rules.ts'
import type { Auditor } from '../audit-read.ts'
import { endOtherPortalSessions, setPassword, setUsername } from './queries.ts'
import type { ChangePassword, FirstSignIn } from './schemas.ts'

function refuseIfAny(errors: Record<string, string>) {
  if (Object.keys(errors).length > 0) throw new Invalid('Please check the fields.', errors)
}

/**
 * First sign-in: the one-time password is replaced (and, once, the user name), so the office's
 * paper password stops working. Nothing changes unless every field is right.
 */
export async function completeFirstSignIn(
  db: Database,
  user: PortalUser,
  audit: Auditor,
  body: Static<typeof FirstSignIn>,
) {
  if (!user.password_is_temporary) throw new AlreadyDone('Your password is already set.')
  const wanted = body.newUsername?.trim()
  const changingName = wanted !== undefined && wanted !== '' && wanted !== user.username
  const errors = newPasswordErrors(body.newPassword, body.newPasswordAgain, {
    username: changingName ? wanted : user.username,
  })
  if (changingName) {
    const problem = user.username_change_offered
      ? 'Your user name can no longer be changed here.'
      : (usernameProblem(wanted) ??
        ((await usernameTaken(db, 'portal_users', user.practice_id, wanted, user.id))
          ? 'This user name is taken. Choose another.'
          : undefined))
    if (problem) errors.newUsername = problem
  }
  if (
    !errors.newPassword &&
    (await verifyPassword(await findPasswordHash(db, user.id), body.newPassword))
  ) {
    errors.newPassword = 'Choose a new password, not the one-time password you were given.'
  }
  refuseIfAny(errors)
  const passwordHash = await hashPassword(body.newPassword)
  await db.transaction().execute(async (trx) => {
    if (changingName) await setUsername(trx, user.id, wanted)
    await setPassword(trx, user.id, passwordHash)
    await audit.record(trx, 'portal.first_sign_in_completed', {
      details: { usernameChanged: changingName },
    })
  })
}

/** Counts password-change tries per user, so a stolen session cannot guess the password. */
export function passwordChangeCounter(portalUserId: number): Counter {
  return { rule: PASSWORD_CHANGE, key: String(portalUserId) }
}

/** A signed-in user changes their password; their other browsers are signed out. */
export async function changePassword(
  db: Database,
  signedIn: { user: PortalUser; sessionId: number },
  audit: Auditor,
  body: Static<typeof ChangePassword>,
) {
  const { user } = signedIn
  if (!(await verifyPassword(await findPasswordHash(db, user.id), body.currentPassword))) {
    await audit.record(db, 'portal.password_change', { outcome: 'failure' })
    throw new Invalid('Please check the fields.', {
      currentPassword: 'This is not your current password.',
    })
  }
  await clearAttempts(db, passwordChangeCounter(user.id))
  const errors = newPasswordErrors(body.newPassword, body.newPasswordAgain, {
    username: user.username,
  })
  if (!errors.newPassword && body.newPassword === body.currentPassword) {
    errors.newPassword = 'Choose a new password, not your current one.'
  }
  refuseIfAny(errors)
  const passwordHash = await hashPassword(body.newPassword)
  await db.transaction().execute(async (trx) => {
    await setPassword(trx, user.id, passwordHash)
    await endOtherPortalSessions(trx, user.id, signedIn.sessionId)
    await audit.record(trx, 'portal.password_change')
  })
}
