import type { FastifyReply, FastifyRequest } from 'fastify'
import { clientAddress, userAgent } from '../../platform/auth/client.ts'
import { type OfficeContext, officeContextFromToken } from '../../platform/auth/office-guard.ts'
import { findPortalSettings } from '../../platform/auth/portal-guard.ts'
import { stepAfterPassword } from '../../platform/auth/second-factor/sign-in.ts'
import { OFFICE_IDLE_MINUTES } from '../../platform/auth/session-rules.ts'
import { createSession } from '../../platform/auth/sessions.ts'
import { checkCredentials } from '../../platform/auth/sign-in.ts'
import { SignInFailed } from '../../platform/auth/sign-in-problems.ts'
import type { Database } from '../../platform/db/database.ts'
import { findPortalPracticeOrNotFound } from '../../practice/queries.ts'
import { staffAuditor } from '../staff-audit.ts'
import { findStaffForSignIn, recordStaffSignIn } from './queries.ts'

/**
 * Checks a staff member's user name and password (throttled like patients', `reply` carries the
 * wait) and opens an office session: its token for the cookie, and who it belongs to.
 */
export async function signInStaff(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  { username, password }: { username: string; password: string },
): Promise<{ token: string; context: OfficeContext }> {
  const practice = await findPortalPracticeOrNotFound(db)
  const ip = clientAddress(request)
  const attempt = { practiceId: practice.id, realm: 'office' as const, username, ip }
  const staff = await checkCredentials(db, reply, attempt, password, {
    findUser: () => findStaffForSignIn(db, practice.id, username),
    actor: (found) => ({ type: 'staff_user', staffUserId: found.id }),
  })
  await recordStaffSignIn(db, staff.id)
  const owner = { kind: 'office', staffUserId: staff.id } as const
  const settings = await findPortalSettings(db, practice.id)
  const required = staff.role === 'admin' && (settings?.second_factor_admins ?? false)
  const token = await createSession(db, {
    practiceId: practice.id,
    owner,
    secondFactorStep: await stepAfterPassword(db, request, owner, required),
    idleTimeoutMinutes: OFFICE_IDLE_MINUTES,
    ip,
    userAgent: userAgent(request),
  })
  await staffAuditor(request, { id: staff.id, practice_id: practice.id }).record(
    db,
    'office.sign_in',
  )
  const context = await officeContextFromToken(db, token)
  if (!context) throw new SignInFailed()
  return { token, context }
}
