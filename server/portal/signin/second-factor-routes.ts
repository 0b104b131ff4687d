import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { CookiePolicy } from '../../platform/auth/cookies.ts'
import type { PortalGuard } from '../../platform/auth/portal-guard.ts'
import { answering, answerSecondFactor } from '../../platform/auth/second-factor/sign-in.ts'
import type { Database } from '../../platform/db/database.ts'
import { AlreadyDone } from '../../platform/http/problems.ts'
import type { SecretBox } from '../../platform/mail/secrets.ts'
import { SecondFactorAnswer } from '../security/schemas.ts'
import { PortalSessionView } from './schemas.ts'
import { portalSessionView } from './view.ts'

/** The code step of sign-in, after the password, for a patient with an authenticator app. */
export const portalSecondFactorRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: PortalGuard
  cookies: CookiePolicy
  secrets: SecretBox
}> = async (app, { db, guard, cookies, secrets }) => {
  app.post(
    '/api/portal/session/second-factor',
    { schema: { body: SecondFactorAnswer, response: { 200: PortalSessionView } } },
    async (request, reply) => {
      const { user, session, stage } = await guard.user(request, {
        allowIncomplete: true,
        beforeSecondFactor: true,
      })
      if (stage !== 'second-factor') throw new AlreadyDone('No code is needed now.')
      const signIn = answering('portal', request, user, session)
      const { code, remember = false } = request.body
      await answerSecondFactor(db, secrets, { reply, cookies }, signIn, { code, remember })
      return portalSessionView(await guard.refresh(request))
    },
  )
}
