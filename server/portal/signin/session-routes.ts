import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { clientAddress } from '../../platform/auth/client.ts'
import { type CookiePolicy, clearSessionCookie } from '../../platform/auth/cookies.ts'
import type { PortalGuard } from '../../platform/auth/portal-guard.ts'
import { endSession } from '../../platform/auth/sessions.ts'
import { checkCredentials } from '../../platform/auth/sign-in.ts'
import type { Database } from '../../platform/db/database.ts'
import { findPortalPracticeOrNotFound } from '../../practice/queries.ts'
import { Credentials } from '../../practice/schemas.ts'
import { accountAuditor, portalAuditor } from '../audit-read.ts'
import { findUserForSignIn, recordSignIn } from './queries.ts'
import { PortalSessionView } from './schemas.ts'
import { startPortalSession } from './start-session.ts'
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
      const practice = await findPortalPracticeOrNotFound(db)
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
      await recordSignIn(db, user.id)
      await accountAuditor(request, user).record(db, 'portal.sign_in', {
        details: { temporaryPassword: user.password_is_temporary },
      })
      const portalUserId = user.id
      const practiceId = practice.id
      return startPortalSession(db, { request, reply, cookies }, { practiceId, portalUserId })
    },
  )

  app.get(
    '/api/portal/session',
    { schema: { response: { 200: PortalSessionView } } },
    async (request, reply) => {
      const context = await guard.user(request, { allowIncomplete: true, beforeSecondFactor: true })
      reply.header('Cache-Control', 'no-store')
      return portalSessionView(context)
    },
  )

  app.delete('/api/portal/session', async (request, reply) => {
    const context = await guard.context(request)
    if (context) {
      await endSession(db, context.session.id)
      await portalAuditor(request, context).record(db, 'portal.sign_out')
    }
    clearSessionCookie(reply, 'portal', cookies)
    return reply.status(204).send()
  })
}
