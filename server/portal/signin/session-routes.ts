import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { recordAudit } from '../../platform/audit/audit.ts'
import { clientAddress, userAgent } from '../../platform/auth/client.ts'
import {
  type CookiePolicy,
  clearSessionCookie,
  setSessionCookie,
} from '../../platform/auth/cookies.ts'
import {
  findPortalSettings,
  type PortalGuard,
  portalContextFromToken,
} from '../../platform/auth/portal-guard.ts'
import { createSession, endSession } from '../../platform/auth/sessions.ts'
import { checkCredentials } from '../../platform/auth/sign-in.ts'
import { SignInFailed } from '../../platform/auth/sign-in-problems.ts'
import type { Database } from '../../platform/db/database.ts'
import { NotFound } from '../../platform/http/problems.ts'
import { findPortalPractice } from '../../practice/queries.ts'
import { Credentials } from '../../practice/schemas.ts'
import { findUserForSignIn, recordSignIn } from './queries.ts'
import { PortalSessionView } from './schemas.ts'
import { portalSessionView } from './view.ts'

export interface PortalAuthOptions {
  db: Database
  guard: PortalGuard
  cookies: CookiePolicy
}

/** Sign in, who am I, sign out. */
export const portalSessionRoutes: FastifyPluginAsyncTypebox<PortalAuthOptions> = async (
  app,
  { db, guard, cookies },
) => {
  app.post(
    '/api/portal/session',
    { schema: { body: Credentials, response: { 200: PortalSessionView } } },
    async (request, reply) => {
      const practice = await findPortalPractice(db)
      if (!practice) throw new NotFound('No practice has been set up yet.')
      const attempt = {
        practiceId: practice.id,
        realm: 'portal' as const,
        username: request.body.username,
        ip: clientAddress(request),
      }
      const user = await checkCredentials(db, reply, attempt, request.body.password, {
        findUser: () => findUserForSignIn(db, practice.id, request.body.username),
        actor: (found) => ({ type: 'portal_user', portalUserId: found.id }),
      })
      const settings = await findPortalSettings(db, practice.id)
      await recordSignIn(db, user.id)
      const token = await createSession(db, {
        practiceId: practice.id,
        owner: { kind: 'portal', portalUserId: user.id },
        idleTimeoutMinutes: settings?.idle_timeout_minutes ?? 15,
        ip: attempt.ip,
        userAgent: userAgent(request),
      })
      await recordAudit(db, {
        practiceId: practice.id,
        actor: { type: 'portal_user', portalUserId: user.id },
        action: 'portal.sign_in',
        patientId: user.patient_id,
        ip: attempt.ip,
        details: { temporaryPassword: user.password_is_temporary },
      })
      const context = await portalContextFromToken(db, token)
      if (!context) throw new SignInFailed()
      setSessionCookie(reply, 'portal', token, cookies)
      return portalSessionView(context)
    },
  )

  app.get(
    '/api/portal/session',
    { schema: { response: { 200: PortalSessionView } } },
    async (request, reply) => {
      const context = await guard.user(request, { allowIncomplete: true })
      reply.header('Cache-Control', 'no-store')
      return portalSessionView(context)
    },
  )

  app.delete('/api/portal/session', async (request, reply) => {
    const context = await guard.context(request)
    if (context) {
      await endSession(db, context.session.id)
      await recordAudit(db, {
        practiceId: context.user.practice_id,
        actor: { type: 'portal_user', portalUserId: context.user.id },
        action: 'portal.sign_out',
        ip: clientAddress(request),
      })
    }
    clearSessionCookie(reply, 'portal', cookies)
    return reply.status(204).send()
  })
}
