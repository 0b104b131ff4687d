import type { Static } from 'typebox'
import type { OfficeContext } from '../../platform/auth/office-guard.ts'
import { newPasswordErrors } from '../../platform/auth/password-policy.ts'
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts'
import { endSessions } from '../../platform/auth/sessions.ts'
import type { Database } from '../../platform/db/database.ts'
import { AlreadyDone, Invalid } from '../../platform/http/problems.ts'
import type { StaffAuditor } from '../staff-audit.ts'
import { findStaffPasswordHash, replaceTemporaryStaffPassword } from './queries.ts'
import type { OwnStaffPassword } from './schemas.ts'

const alreadyDone = () => new AlreadyDone('Your password is already your own.')

/**
 * A staff member signed in with the one-time password an administrator gave chooses their own:
 * the paper password stops working, and their other browsers are signed out.
 */
export async function chooseOwnStaffPassword(
  db: Database,
  { staff, session }: OfficeContext,
  audit: StaffAuditor,
  body: Static<typeof OwnStaffPassword>,
) {
  if (!staff.password_is_temporary) throw alreadyDone()
  const errors = newPasswordErrors(body.newPassword, body.newPasswordAgain, {
    username: staff.username,
  })
  if (
    !errors.newPassword &&
    (await verifyPassword(await findStaffPasswordHash(db, staff.id), body.newPassword))
  ) {
    errors.newPassword = 'Choose a new password, not the one-time password you were given.'
  }
  if (Object.keys(errors).length > 0) throw new Invalid('Please check the fields.', errors)
  const passwordHash = await hashPassword(body.newPassword)
  await db.transaction().execute(async (trx) => {
    if (!(await replaceTemporaryStaffPassword(trx, staff.id, passwordHash))) throw alreadyDone()
    // Signs the member out of every other browser; the one that asked stays signed in.
    await endSessions(trx, { staff_user_id: staff.id }, { except: session.id })
    await audit.record(trx, 'office.password_chosen')
  })
  return { ...staff, password_is_temporary: false }
}
