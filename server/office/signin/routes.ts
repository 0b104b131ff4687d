import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { recordAudit } from '../../platform/audit/audit.ts'
import { clientAddress, userAgent } from '../../platform/auth/client.ts'
import {
  type CookiePolicy,
  clearSessionCookie,
  setSessionCookie,
} from '../../platform/auth/cookies.ts'
import {
  type OfficeContext,
  type OfficeGuard,
  officeContextFromToken,
} from '../../platform/auth/office-guard.ts'
import { OFFICE_IDLE_MINUTES } from '../../platform/auth/session-rules.ts'
import { createSession, endSession } from '../../platform/auth/sessions.ts'
import { checkCredentials } from '../../platform/auth/sign-in.ts'
import { SignInFailed } from '../../platform/auth/sign-in-problems.ts'
import type { Database } from '../../platform/db/database.ts'
import { NotFound } from '../../platform/http/problems.ts'
import { findPortalPractice, findPracticeName } from '../../practice/queries.ts'
import { Credentials } from '../../practice/schemas.ts'
import { findStaffForSignIn, recordStaffSignIn } from './queries.ts'

export const StaffSessionView = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Union([Type.Literal('admin'), Type.Literal('front_desk'), Type.Literal('provider')]),
  practiceName: Type.String(),
})

async function staffSessionView(db: Database, context: OfficeContext) {
  return {
    username: context.staff.username,
    displayName: context.staff.display_name,
    role: context.staff.role,
    practiceName: await findPracticeName(db, context.staff.practice_id),
  }
}

/** Staff sign in, who am I, sign out: the same throttling and sessions as patients'. */
export const officeSessionRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: OfficeGuard
  cookies: CookiePolicy
}> = async (app, { db, guard, cookies }) => {
  app.post(
    '/api/office/session',
    { schema: { body: Credentials, response: { 200: StaffSessionView } } },
    async (request, reply) => {
      const practice = await findPortalPractice(db)
      if (!practice) throw new NotFound('No practice has been set up yet.')
      const attempt = {
        practiceId: practice.id,
        realm: 'office' as const,
        username: request.body.username,
        ip: clientAddress(request),
      }
      const staff = await checkCredentials(db, reply, attempt, request.body.password, {
        findUser: () => findStaffForSignIn(db, practice.id, request.body.username),
        actor: (found) => ({ type: 'staff_user', staffUserId: found.id }),
      })
      await recordStaffSignIn(db, staff.id)
      const token = await createSession(db, {
        practiceId: practice.id,
        owner: { kind: 'office', staffUserId: staff.id },
        idleTimeoutMinutes: OFFICE_IDLE_MINUTES,
        ip: attempt.ip,
        userAgent: userAgent(request),
      })
      await recordAudit(db, {
        practiceId: practice.id,
        actor: { type: 'staff_user', staffUserId: staff.id },
        action: 'office.sign_in',
        ip: attempt.ip,
      })
      const context = await officeContextFromToken(db, token)
      if (!context) throw new SignInFailed()
      setSessionCookie(reply, 'office', token, cookies)
      return staffSessionView(db, context)
    },
  )

  app.get(
    '/api/office/session',
    { schema: { response: { 200: StaffSessionView } } },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store')
      return staffSessionView(db, await guard.staff(request))
    },
  )

  app.delete('/api/office/session', async (request, reply) => {
    const context = await guard.context(request)
    if (context) {
      await endSession(db, context.session.id)
      await recordAudit(db, {
        practiceId: context.staff.practice_id,
        actor: { type: 'staff_user', staffUserId: context.staff.id },
        action: 'office.sign_out',
        ip: clientAddress(request),
      })
    }
    clearSessionCookie(reply, 'office', cookies)
    return reply.status(204).send()
  })
}
