import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { clientAddress } from '../../platform/auth/client.ts'
import { admitAttempt, enforceThrottle } from '../../platform/auth/sign-in.ts'
import { clearFailures } from '../../platform/auth/throttle.ts'
import {
  RESET_REQUEST_ADDRESS,
  RESET_REQUEST_NAME,
  usernameKey,
} from '../../platform/auth/throttle-rules.ts'
import { requestLanguage } from '../../platform/i18n/languages.ts'
import { translate } from '../../platform/i18n/translate.ts'
import { findPortalPractice } from '../../practice/queries.ts'
import { accountAuditor } from '../audit-read.ts'
import { changePassword, completeFirstSignIn, passwordChangeCounter } from './passwords.ts'
import { RESET_CODE_MINUTES } from './reset-codes.ts'
import {
  completePasswordReset,
  InvalidResetCode,
  refuseWeakResetPassword,
} from './reset-password.ts'
import { queueResetRequest } from './reset-request-job.ts'
import {
  Accepted,
  ChangePassword,
  FirstSignIn,
  PortalSessionView,
  ResetCompletion,
  ResetRequest,
} from './schemas.ts'
import type { PortalAuthOptions } from './session-routes.ts'
import { startPortalSession } from './start-session.ts'
import { portalSessionView } from './view.ts'

/** First sign-in (replace the one-time password), change password, forgot password. */
export const portalPasswordRoutes: FastifyPluginAsyncTypebox<
  PortalAuthOptions & { publicUrl: string }
> = async (app, { db, guard, cookies, publicUrl }) => {
  app.post(
    '/api/portal/first-sign-in',
    { schema: { body: FirstSignIn, response: { 200: PortalSessionView } } },
    async (request) => {
      const { user } = await guard.user(request, { allowIncomplete: true })
      await completeFirstSignIn(db, user, accountAuditor(request, user), request.body)
      return portalSessionView(await guard.refresh(request))
    },
  )

  app.post('/api/portal/password', { schema: { body: ChangePassword } }, async (request, reply) => {
    const { user, session } = await guard.user(request)
    await admitAttempt(db, reply, [passwordChangeCounter(user.id)], {
      practiceId: user.practice_id,
      action: 'portal.password_change_throttled',
      ip: clientAddress(request),
      actor: { type: 'portal_user', portalUserId: user.id },
    })
    const signedIn = { user, sessionId: session.id }
    await changePassword(db, signedIn, accountAuditor(request, user), request.body)
    return reply.status(204).send()
  })

  app.post(
    '/api/public/password-reset',
    { schema: { body: ResetRequest, response: { 202: Accepted } } },
    async (request, reply) => {
      const practice = await findPortalPractice(db)
      const language = requestLanguage(request.headers)
      if (practice) {
        const ip = clientAddress(request)
        const { username } = request.body
        // Counted on the name typed, known or not, so a refusal says nothing about the account.
        const counters = [
          { rule: RESET_REQUEST_ADDRESS, key: ip },
          { rule: RESET_REQUEST_NAME, key: `${practice.id}:${usernameKey(username)}` },
        ]
        const action = 'portal.password_reset_request_throttled'
        await admitAttempt(db, reply, counters, { practiceId: practice.id, action, ip })
        const queued = { practiceId: practice.id, username, ip, publicUrl, language }
        await queueResetRequest(db, queued)
      }
      // The same answer, after the same work, whether or not the user name exists.
      const message = translate(language, 'resetRequested', { minutes: RESET_CODE_MINUTES })
      return reply.status(202).send({ message })
    },
  )

  app.post(
    '/api/public/password-reset/complete',
    { schema: { body: ResetCompletion, response: { 200: PortalSessionView } } },
    async (request, reply) => {
      const practice = await findPortalPractice(db)
      if (!practice) throw new InvalidResetCode()
      refuseWeakResetPassword(request.body)
      const attempt = {
        practiceId: practice.id,
        realm: 'portal' as const,
        username: request.body.username,
        ip: clientAddress(request),
      }
      await enforceThrottle(db, reply, attempt)
      const portalUserId = await completePasswordReset(db, attempt, request.body)
      await clearFailures(db, attempt)
      const practiceId = practice.id
      return startPortalSession(db, { request, reply, cookies }, { practiceId, portalUserId })
    },
  )
}
