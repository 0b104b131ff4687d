import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  type CookiePolicy,
  clearSessionCookie,
  setSessionCookie,
} from '../../platform/auth/cookies.ts'
import type { OfficeContext } from '../../platform/auth/office-guard.ts'
import { endSession } from '../../platform/auth/sessions.ts'
import type { Database } from '../../platform/db/database.ts'
import { findPracticeName } from '../../practice/queries.ts'
import { Credentials } from '../../practice/schemas.ts'
import type { StaffGuard } from '../../practice/staff-permissions.ts'
import { staffAuditor } from '../staff-audit.ts'
import { chooseOwnStaffPassword } from './own-password.ts'
import { OwnStaffPassword, StaffSessionView } from './schemas.ts'
import { signInStaff } from './sign-in.ts'
import { presentStaffSession } from './view.ts'

/** Staff sign in, who am I, sign out: the same throttling and sessions as patients'. */
export const officeSessionRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: StaffGuard
  cookies: CookiePolicy
}> = async (app, { db, guard, cookies }) => {
  const present = async ({ staff, session }: Pick<OfficeContext, 'staff' | 'session'>) =>
    presentStaffSession(
      staff,
      await findPracticeName(db, staff.practice_id),
      session.second_factor_step,
    )

  app.post(
    '/api/office/session',
    { schema: { body: Credentials, response: { 200: StaffSessionView } } },
    async (request, reply) => {
      const { token, context } = await signInStaff(db, request, reply, request.body)
      setSessionCookie(reply, 'office', token, cookies)
      return present(context)
    },
  )

  app.get(
    '/api/office/session',
    { schema: { response: { 200: StaffSessionView } } },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store')
      return present(await guard.signingIn(request))
    },
  )

  app.post(
    '/api/office/session/password',
    { schema: { body: OwnStaffPassword, response: { 200: StaffSessionView } } },
    async (request) => {
      // A one-time password allows only this; a second factor still owed does not.
      const context = await guard.staff(request, undefined, { allowTemporaryPassword: true })
      const audit = staffAuditor(request, context.staff)
      const staff = await chooseOwnStaffPassword(db, context, audit, request.body)
      return present({ staff, session: context.session })
    },
  )

  app.delete('/api/office/session', async (request, reply) => {
    const context = await guard.context(request)
    if (context) {
      await endSession(db, context.session.id)
      await staffAuditor(request, context.staff).record(db, 'office.sign_out')
    }
    clearSessionCookie(reply, 'office', cookies)
    return reply.status(204).send()
  })
}
