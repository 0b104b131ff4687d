import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server'
import type { FastifyRequest } from 'fastify'
import type { CookiePolicy } from '../../platform/auth/cookies.ts'
import {
  passkeyRegistrationOptions,
  passkeySignInOptions,
  type RelyingParty,
  registerPasskey,
} from '../../platform/auth/second-factor/passkeys.ts'
import { setSessionSecondFactorStep } from '../../platform/auth/second-factor/queries.ts'
import { answering, answerWithPasskey } from '../../platform/auth/second-factor/sign-in.ts'
import type { Database } from '../../platform/db/database.ts'
import { AlreadyDone } from '../../platform/http/problems.ts'
import { findPracticeName } from '../../practice/queries.ts'
import { NewPasskey, PasskeyAdded, PasskeyAnswer, PasskeyOptions } from '../../practice/schemas.ts'
import type { StaffGuard } from '../../practice/staff-permissions.ts'
import { staffAuditor } from '../staff-audit.ts'
import { enrollingStaff } from './enrolling.ts'
import { StaffSessionView } from './schemas.ts'
import { presentStaffSession } from './view.ts'

/** Staff passkeys: adding one (also when the policy asks for a factor), and the second-factor step. */
export const officePasskeyRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: StaffGuard
  cookies: CookiePolicy
  rp: RelyingParty
}> = async (app, { db, guard, cookies, rp }) => {
  app.post(
    '/api/office/security/passkeys/options',
    { schema: { response: { 200: PasskeyOptions } } },
    async (request, reply) => {
      const { context, factorOwner } = await enrollingStaff(guard, request)
      reply.header('Cache-Control', 'no-store')
      const rpName = `${await findPracticeName(db, context.staff.practice_id)} office`
      const userName = context.staff.username
      return passkeyRegistrationOptions(db, rp, factorOwner, {
        rpName,
        userName,
        displayName: userName,
      })
    },
  )

  app.post(
    '/api/office/security/passkeys',
    { schema: { body: NewPasskey, response: { 200: PasskeyAdded } } },
    async (request) => {
      const { context, factorOwner } = await enrollingStaff(guard, request)
      const response = request.body.response as unknown as RegistrationResponseJSON
      const added = await registerPasskey(db, rp, factorOwner, {
        label: request.body.label,
        response,
      })
      await staffAuditor(request, context.staff).record(db, 'office.second_factor_added', {
        details: { kind: 'passkey' },
      })
      if (context.session.second_factor_step === 'enroll') {
        await setSessionSecondFactorStep(db, context.session.id, 'none')
      }
      return added
    },
  )

  async function owing(request: FastifyRequest) {
    const context = await guard.signingIn(request)
    if (context.session.second_factor_step !== 'answer')
      throw new AlreadyDone('No second factor is needed now.')
    return context
  }

  app.post(
    '/api/office/session/second-factor/passkey/options',
    { schema: { response: { 200: PasskeyOptions } } },
    async (request, reply) => {
      const { staff } = await owing(request)
      reply.header('Cache-Control', 'no-store')
      const owner = { kind: 'office', staffUserId: staff.id } as const
      const purpose = 'second-factor'
      return passkeySignInOptions(db, rp, {
        practiceId: staff.practice_id,
        realm: 'office',
        purpose,
        owner,
      })
    },
  )

  app.post(
    '/api/office/session/second-factor/passkey',
    { schema: { body: PasskeyAnswer, response: { 200: StaffSessionView } } },
    async (request, reply) => {
      const { staff, session } = await owing(request)
      const signIn = answering('office', request, staff, session)
      const response = request.body.response as unknown as AuthenticationResponseJSON
      const remember = request.body.remember ?? false
      await answerWithPasskey(db, rp, { reply, cookies }, signIn, { response, remember })
      return presentStaffSession(staff, await findPracticeName(db, staff.practice_id))
    },
  )
}
