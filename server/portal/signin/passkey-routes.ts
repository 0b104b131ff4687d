import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { AuthenticationResponseJSON } from '@simplewebauthn/server'
import { clientAddress } from '../../platform/auth/client.ts'
import type { CookiePolicy } from '../../platform/auth/cookies.ts'
import type { PortalGuard } from '../../platform/auth/portal-guard.ts'
import {
  passkeySignInOptions,
  type RelyingParty,
} from '../../platform/auth/second-factor/passkeys.ts'
import {
  answering,
  answerWithPasskey,
  signInWithPasskey,
} from '../../platform/auth/second-factor/sign-in.ts'
import { admitAttempt } from '../../platform/auth/sign-in.ts'
import { SignInFailed } from '../../platform/auth/sign-in-problems.ts'
import { PASSKEY_CHALLENGE_ADDRESS } from '../../platform/auth/throttle-rules.ts'
import type { Database } from '../../platform/db/database.ts'
import { AlreadyDone } from '../../platform/http/problems.ts'
import { findPortalPracticeOrNotFound } from '../../practice/queries.ts'
import { PasskeyAnswer, PasskeyOptions, PasskeyResponse } from '../../practice/schemas.ts'
import { accountAuditor } from '../audit-read.ts'
import { findUserForPasskey, recordSignIn } from './queries.ts'
import { PortalSessionView } from './schemas.ts'
import { startPortalSession } from './start-session.ts'
import { portalSessionView } from './view.ts'

const asAssertion = (response: unknown) => response as AuthenticationResponseJSON

/** "Sign in with a passkey" (no password), and a passkey as the answer to the second-factor step. */
export const portalPasskeySignInRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: PortalGuard
  cookies: CookiePolicy
  rp: RelyingParty
}> = async (app, { db, guard, cookies, rp }) => {
  async function practiceId() {
    const practice = await findPortalPracticeOrNotFound(db)
    return practice.id
  }

  app.post(
    '/api/portal/session/passkey/options',
    { schema: { response: { 200: PasskeyOptions } } },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store')
      const practice = await practiceId()
      const ip = clientAddress(request)
      await admitAttempt(db, reply, [{ rule: PASSKEY_CHALLENGE_ADDRESS, key: ip }], {
        practiceId: practice,
        action: 'portal.passkey_challenge_throttled',
        ip,
      })
      const challenge = { practiceId: practice, realm: 'portal', purpose: 'sign-in' } as const
      return passkeySignInOptions(db, rp, challenge)
    },
  )

  app.post(
    '/api/portal/session/passkey',
    { schema: { body: PasskeyResponse, response: { 200: PortalSessionView } } },
    async (request, reply) => {
      const attempt = {
        practiceId: await practiceId(),
        realm: 'portal' as const,
        ip: clientAddress(request),
      }
      const owner = await signInWithPasskey(db, rp, reply, attempt, asAssertion(request.body))
      if (owner.kind !== 'portal') throw new SignInFailed()
      const user = await findUserForPasskey(db, attempt.practiceId, owner.portalUserId)
      if (!user) throw new SignInFailed()
      await recordSignIn(db, user.id)
      await accountAuditor(request, user).record(db, 'portal.passkey_sign_in')
      return startPortalSession(
        db,
        { request, reply, cookies },
        { practiceId: attempt.practiceId, portalUserId: user.id, passkey: true },
      )
    },
  )

  /** The second-factor step, for someone who signed in with a password and has a passkey. */
  async function owingSecondFactor(request: Parameters<PortalGuard['user']>[0]) {
    const context = await guard.user(request, { allowIncomplete: true, beforeSecondFactor: true })
    if (context.stage !== 'second-factor') throw new AlreadyDone('No second factor is needed now.')
    return context
  }

  app.post(
    '/api/portal/session/second-factor/passkey/options',
    { schema: { response: { 200: PasskeyOptions } } },
    async (request, reply) => {
      const { user } = await owingSecondFactor(request)
      reply.header('Cache-Control', 'no-store')
      const owner = { kind: 'portal', portalUserId: user.id } as const
      const purpose = 'second-factor'
      const challenge = { practiceId: user.practice_id, realm: 'portal', purpose, owner } as const
      return passkeySignInOptions(db, rp, challenge)
    },
  )

  app.post(
    '/api/portal/session/second-factor/passkey',
    { schema: { body: PasskeyAnswer, response: { 200: PortalSessionView } } },
    async (request, reply) => {
      const { user, session } = await owingSecondFactor(request)
      const signIn = answering('portal', request, user, session)
      const answer = {
        response: asAssertion(request.body.response),
        remember: request.body.remember ?? false,
      }
      await answerWithPasskey(db, rp, { reply, cookies }, signIn, answer)
      return portalSessionView(await guard.refresh(request))
    },
  )
}
