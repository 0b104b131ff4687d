import type { Static } from 'typebox'
import { recordAudit } from '../../platform/audit/audit.ts'
import { newPasswordErrors } from '../../platform/auth/password-policy.ts'
import { hashPassword } from '../../platform/auth/passwords.ts'
import { endPortalUserSessions } from '../../platform/auth/sessions.ts'
import type { Database } from '../../platform/db/database.ts'
import { Invalid } from '../../platform/http/problems.ts'
import { findUserForSignIn, setPassword } from './queries.ts'
import { checkResetCode, consumeResetCode } from './reset-codes.ts'
import type { ResetCompletion } from './schemas.ts'

type Completion = Static<typeof ResetCompletion>

export class InvalidResetCode extends Invalid {
  constructor() {
    super('The code is not right or has expired.', {
      code: 'This code is not right or has expired. Check the email, or ask for a new code.',
    })
  }
}

/**
 * Judged before the code is tried (it says nothing about the code), so a right code is never
 * spent, nor a try counted, on a password that would be refused.
 */
export function refuseWeakResetPassword(body: Completion) {
  const errors = newPasswordErrors(body.newPassword, body.newPasswordAgain, {
    username: body.username.trim(),
  })
  if (Object.keys(errors).length > 0) throw new Invalid('Please check the fields.', errors)
}

/**
 * Spends a right reset code on the new password and ends every session of the account; a wrong,
 * used or expired code (or an unknown user name) is one indistinguishable failure, audited.
 * Returns the portal user whose password changed.
 */
export async function completePasswordReset(
  db: Database,
  { practiceId, ip }: { practiceId: number; ip: string },
  body: Completion,
): Promise<number> {
  const user = await findUserForSignIn(db, practiceId, body.username)
  const check = user ? await checkResetCode(db, user.id, body.code) : undefined
  const codeId = check?.result === 'ok' ? check.codeId : undefined
  if (!user || codeId === undefined) {
    await recordAudit(db, {
      practiceId,
      actor: user ? { type: 'portal_user', portalUserId: user.id } : { type: 'anonymous' },
      action: 'portal.password_reset',
      outcome: 'failure',
      ip,
      details: { reason: check?.result ?? 'unknown-user-name' },
    })
    throw new InvalidResetCode()
  }
  const passwordHash = await hashPassword(body.newPassword)
  await db.transaction().execute(async (trx) => {
    if (!(await consumeResetCode(trx, codeId))) throw new InvalidResetCode()
    await setPassword(trx, user.id, passwordHash)
    await endPortalUserSessions(trx, user.id)
    await recordAudit(trx, {
      practiceId,
      actor: { type: 'portal_user', portalUserId: user.id },
      action: 'portal.password_reset',
      ip,
    })
  })
  return user.id
}
