import type { FastifyReply, FastifyRequest } from 'fastify'
import { clientAddress, userAgent } from '../../platform/auth/client.ts'
import { type CookiePolicy, setSessionCookie } from '../../platform/auth/cookies.ts'
import { findPortalSettings, portalContextFromToken } from '../../platform/auth/portal-guard.ts'
import { stepAfterPassword } from '../../platform/auth/second-factor/sign-in.ts'
import { createSession } from '../../platform/auth/sessions.ts'
import { SignInFailed } from '../../platform/auth/sign-in-problems.ts'
import type { Database } from '../../platform/db/database.ts'
import { portalSessionView } from './view.ts'

/**
 * Opens a portal session for a user whose identity was just proven (password, reset code, passkey), with
 * the practice's idle timeout and the second factor it still owes, sets its cookie and answers what the web app needs to go on.
 */
export async function startPortalSession(
  db: Database,
  {
    request,
    reply,
    cookies,
  }: { request: FastifyRequest; reply: FastifyReply; cookies: CookiePolicy },
  {
    practiceId,
    portalUserId,
    passkey = false,
  }: { practiceId: number; portalUserId: number; passkey?: boolean },
) {
  const settings = await findPortalSettings(db, practiceId)
  const owner = { kind: 'portal', portalUserId } as const
  const required = settings?.second_factor_patients === 'required'
  const token = await createSession(db, {
    practiceId,
    owner,
    // A passkey is both factors at once: the device, and its lock (user verification).
    secondFactorStep: passkey ? 'none' : await stepAfterPassword(db, request, owner, required),
    idleTimeoutMinutes: settings?.idle_timeout_minutes ?? 15,
    ip: clientAddress(request),
    userAgent: userAgent(request),
  })
  const context = await portalContextFromToken(db, token)
  if (!context) throw new SignInFailed()
  setSessionCookie(reply, 'portal', token, cookies)
  return portalSessionView(context)
}
