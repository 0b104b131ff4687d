import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { clearSessionCookie } from '../../platform/auth/cookies.ts'
import { endSession } from '../../platform/auth/sessions.ts'
import { AlreadyDone } from '../../platform/http/problems.ts'
import { accountAuditor } from '../audit-read.ts'
import { PersonalInfo, PortalSessionView } from './schemas.ts'
import type { PortalAuthOptions } from './session-routes.ts'
import { VerificationLocked, verifyPersonalInfo } from './verify.ts'
import { portalSessionView } from './view.ts'

/** "Verify personal information" after sign-in, when the practice requires it. */
export const portalVerifyRoutes: FastifyPluginAsyncTypebox<PortalAuthOptions> = async (
  app,
  { db, guard, cookies },
) => {
  app.post(
    '/api/portal/verify',
    { schema: { body: PersonalInfo, response: { 200: PortalSessionView } } },
    async (request, reply) => {
      const context = await guard.user(request, { allowIncomplete: true })
      if (context.stage !== 'verify') throw new AlreadyDone('Nothing to verify now.')
      const { user, session } = context
      const audit = accountAuditor(request, user)
      const signedIn = { user, sessionId: session.id }
      if ((await verifyPersonalInfo(db, signedIn, audit, request.body)) === 'verified') {
        return portalSessionView(await guard.refresh(request))
      }
      await endSession(db, session.id)
      clearSessionCookie(reply, 'portal', cookies)
      throw new VerificationLocked()
    },
  )
}
