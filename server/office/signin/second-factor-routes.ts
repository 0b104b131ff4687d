import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { CookiePolicy } from '../../platform/auth/cookies.ts'
import { confirmApp, startAppEnrollment } from '../../platform/auth/second-factor/commands.ts'
import { setSessionSecondFactorStep } from '../../platform/auth/second-factor/queries.ts'
import { answering, answerSecondFactor } from '../../platform/auth/second-factor/sign-in.ts'
import type { Database } from '../../platform/db/database.ts'
import { AlreadyDone } from '../../platform/http/problems.ts'
import type { SecretBox } from '../../platform/mail/secrets.ts'
import { findPracticeName } from '../../practice/queries.ts'
import { SecondFactorAnswer, TypedCode } from '../../practice/schemas.ts'
import type { StaffGuard } from '../../practice/staff-permissions.ts'
import { staffAuditor } from '../staff-audit.ts'
import { enrollingStaff } from './enrolling.ts'
import { StaffSessionView } from './schemas.ts'
import { presentStaffSession } from './view.ts'

/** Staff two-step sign-in: the code after the password, and adding an authenticator app. */
export const officeSecondFactorRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: StaffGuard
  cookies: CookiePolicy
  secrets: SecretBox
}> = async (app, { db, guard, cookies, secrets }) => {
  app.post(
    '/api/office/session/second-factor',
    { schema: { body: SecondFactorAnswer, response: { 200: StaffSessionView } } },
    async (request, reply) => {
      const { staff, session } = await guard.signingIn(request)
      if (session.second_factor_step !== 'answer') throw new AlreadyDone('No code is needed now.')
      const signIn = answering('office', request, staff, session)
      const { code, remember = false } = request.body
      await answerSecondFactor(db, secrets, { reply, cookies }, signIn, { code, remember })
      return presentStaffSession(staff, await findPracticeName(db, staff.practice_id))
    },
  )

  app.post(
    '/api/office/security/app',
    {
      schema: {
        response: {
          200: Type.Object({ key: Type.String(), uri: Type.String(), qrSvg: Type.String() }),
        },
      },
    },
    async (request) => {
      const { context, factorOwner } = await enrollingStaff(guard, request)
      const issuer = `${await findPracticeName(db, context.staff.practice_id)} office`
      return startAppEnrollment(db, secrets, factorOwner, { issuer, label: context.staff.username })
    },
  )

  app.post(
    '/api/office/security/app/confirm',
    {
      schema: {
        body: TypedCode,
        response: { 200: Type.Object({ codes: Type.Array(Type.String()) }) },
      },
    },
    async (request) => {
      const { context, factorOwner } = await enrollingStaff(guard, request)
      const codes = await confirmApp(db, secrets, factorOwner, request.body.code)
      await staffAuditor(request, context.staff).record(db, 'office.second_factor_added', {
        details: { kind: 'totp' },
      })
      if (context.session.second_factor_step === 'enroll') {
        await setSessionSecondFactorStep(db, context.session.id, 'none')
      }
      return { codes }
    },
  )
}
