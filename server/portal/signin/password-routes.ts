import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { recordAudit } from '../../platform/audit/audit.ts'
import { clientAddress, userAgent } from '../../platform/auth/client.ts'
import { setSessionCookie } from '../../platform/auth/cookies.ts'
import { newPasswordErrors } from '../../platform/auth/password-policy.ts'
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts'
import { findPortalSettings, portalContextFromToken } from '../../platform/auth/portal-guard.ts'
import { createSession, endPortalUserSessions } from '../../platform/auth/sessions.ts'
import { admitAttempt, enforceThrottle } from '../../platform/auth/sign-in.ts'
import { type Counter, clearAttempts, clearFailures } from '../../platform/auth/throttle.ts'
import {
  PASSWORD_CHANGE,
  RESET_REQUEST_ADDRESS,
  RESET_REQUEST_NAME,
  usernameKey,
} from '../../platform/auth/throttle-rules.ts'
import { Invalid, Problem } from '../../platform/http/problems.ts'
import { findPortalPractice } from '../../practice/queries.ts'
import { usernameProblem } from '../../practice/rules.ts'
import {
  findPasswordHash,
  findUserForSignIn,
  isUsernameTaken,
  setPassword,
  setUsername,
} from './queries.ts'
import { checkResetCode, consumeResetCode } from './reset-codes.ts'
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
import { portalSessionView } from './view.ts'

const RESET_REQUESTED =
  'If that user name has an email address on file, a reset code is on its way. It works for 15 minutes.'

/** First sign-in (replace the one-time password), change password, forgot password. */
export const portalPasswordRoutes: FastifyPluginAsyncTypebox<
  PortalAuthOptions & { publicUrl: string }
> = async (app, { db, guard, cookies, publicUrl }) => {
  app.post(
    '/api/portal/first-sign-in',
    { schema: { body: FirstSignIn, response: { 200: PortalSessionView } } },
    async (request) => {
      const context = await guard.user(request, { allowIncomplete: true })
      const { user } = context
      if (!user.password_is_temporary) {
        throw new Problem(409, 'already-done', 'Already done', 'Your password is already set.')
      }
      const wanted = request.body.newUsername?.trim()
      const changingName = wanted !== undefined && wanted !== '' && wanted !== user.username
      const errors = newPasswordErrors(request.body.newPassword, request.body.newPasswordAgain, {
        username: changingName ? wanted : user.username,
      })
      if (changingName) {
        const canChange = !user.username_change_offered
        const problem = !canChange
          ? 'Your user name can no longer be changed here.'
          : (usernameProblem(wanted) ??
            ((await isUsernameTaken(db, user.practice_id, wanted, user.id))
              ? 'This user name is taken. Choose another.'
              : undefined))
        if (problem) errors.newUsername = problem
      }
      if (
        !errors.newPassword &&
        (await verifyPassword(await findPasswordHash(db, user.id), request.body.newPassword))
      ) {
        errors.newPassword = 'Choose a new password, not the one-time password you were given.'
      }
      if (Object.keys(errors).length > 0) throw new Invalid('Please check the fields.', errors)
      const passwordHash = await hashPassword(request.body.newPassword)
      await db.transaction().execute(async (trx) => {
        if (changingName) await setUsername(trx, user.id, wanted)
        await setPassword(trx, user.id, passwordHash)
        await recordAudit(trx, {
          practiceId: user.practice_id,
          actor: { type: 'portal_user', portalUserId: user.id },
          action: 'portal.first_sign_in_completed',
          ip: clientAddress(request),
          details: { usernameChanged: changingName },
        })
      })
      const refreshed = await guard.refresh(request)
      return portalSessionView(refreshed)
    },
  )

  app.post('/api/portal/password', { schema: { body: ChangePassword } }, async (request, reply) => {
    const { user, session } = await guard.user(request)
    const actor = { type: 'portal_user' as const, portalUserId: user.id }
    const counter: Counter = { rule: PASSWORD_CHANGE, key: String(user.id) }
    await admitAttempt(db, reply, [counter], {
      practiceId: user.practice_id,
      action: 'portal.password_change_throttled',
      ip: clientAddress(request),
      actor,
    })
    const currentHash = await findPasswordHash(db, user.id)
    if (!(await verifyPassword(currentHash, request.body.currentPassword))) {
      await recordAudit(db, {
        practiceId: user.practice_id,
        actor: { type: 'portal_user', portalUserId: user.id },
        action: 'portal.password_change',
        outcome: 'failure',
        ip: clientAddress(request),
      })
      throw new Invalid('Please check the fields.', {
        currentPassword: 'This is not your current password.',
      })
    }
    await clearAttempts(db, counter)
    const errors = newPasswordErrors(request.body.newPassword, request.body.newPasswordAgain, {
      username: user.username,
    })
    if (!errors.newPassword && request.body.newPassword === request.body.currentPassword) {
      errors.newPassword = 'Choose a new password, not your current one.'
    }
    if (Object.keys(errors).length > 0) throw new Invalid('Please check the fields.', errors)
    const passwordHash = await hashPassword(request.body.newPassword)
    await db.transaction().execute(async (trx) => {
      await setPassword(trx, user.id, passwordHash)
      // Other browsers signed in with the old password are signed out; this one stays.
      await trx
        .updateTable('sessions')
        .set({ ended_at: new Date() })
        .where('portal_user_id', '=', user.id)
        .where('id', '<>', session.id)
        .where('ended_at', 'is', null)
        .execute()
      await recordAudit(trx, {
        practiceId: user.practice_id,
        actor: { type: 'portal_user', portalUserId: user.id },
        action: 'portal.password_change',
        ip: clientAddress(request),
      })
    })
    return reply.status(204).send()
  })

  app.post(
    '/api/public/password-reset',
    { schema: { body: ResetRequest, response: { 202: Accepted } } },
    async (request, reply) => {
      const practice = await findPortalPractice(db)
      if (practice) {
        const ip = clientAddress(request)
        // Counted on the name typed, known or not, so a refusal says nothing about the account.
        await admitAttempt(
          db,
          reply,
          [
            { rule: RESET_REQUEST_ADDRESS, key: ip },
            {
              rule: RESET_REQUEST_NAME,
              key: `${practice.id}:${usernameKey(request.body.username)}`,
            },
          ],
          { practiceId: practice.id, action: 'portal.password_reset_request_throttled', ip },
        )
        await queueResetRequest(db, {
          practiceId: practice.id,
          username: request.body.username,
          ip,
          publicUrl,
        })
      }
      // The same answer, after the same work, whether or not the user name exists.
      return reply.status(202).send({ message: RESET_REQUESTED })
    },
  )

  app.post(
    '/api/public/password-reset/complete',
    { schema: { body: ResetCompletion, response: { 200: PortalSessionView } } },
    async (request, reply) => {
      const practice = await findPortalPractice(db)
      const invalidCode = new Invalid('The code is not right or has expired.', {
        code: 'This code is not right or has expired. Check the email, or ask for a new code.',
      })
      if (!practice) throw invalidCode
      // The new password is judged before the code is tried (it says nothing about the code), so
      // a right code is never spent, nor a try counted, on a password that would be refused.
      const errors = newPasswordErrors(request.body.newPassword, request.body.newPasswordAgain, {
        username: request.body.username.trim(),
      })
      if (Object.keys(errors).length > 0) throw new Invalid('Please check the fields.', errors)
      const attempt = {
        practiceId: practice.id,
        realm: 'portal' as const,
        username: request.body.username,
        ip: clientAddress(request),
      }
      await enforceThrottle(db, reply, attempt)
      const user = await findUserForSignIn(db, practice.id, request.body.username)
      const check = user ? await checkResetCode(db, user.id, request.body.code) : undefined
      if (!user || !check || check.result !== 'ok' || check.codeId === undefined) {
        await recordAudit(db, {
          practiceId: practice.id,
          actor: user ? { type: 'portal_user', portalUserId: user.id } : { type: 'anonymous' },
          action: 'portal.password_reset',
          outcome: 'failure',
          ip: attempt.ip,
          details: { reason: check?.result ?? 'unknown-user-name' },
        })
        throw invalidCode
      }
      const passwordHash = await hashPassword(request.body.newPassword)
      const codeId = check.codeId
      await db.transaction().execute(async (trx) => {
        if (!(await consumeResetCode(trx, codeId))) throw invalidCode
        await setPassword(trx, user.id, passwordHash)
        await endPortalUserSessions(trx, user.id)
        await recordAudit(trx, {
          practiceId: practice.id,
          actor: { type: 'portal_user', portalUserId: user.id },
          action: 'portal.password_reset',
          ip: attempt.ip,
        })
      })
      await clearFailures(db, attempt)
      const settings = await findPortalSettings(db, practice.id)
      const token = await createSession(db, {
        practiceId: practice.id,
        owner: { kind: 'portal', portalUserId: user.id },
        idleTimeoutMinutes: settings?.idle_timeout_minutes ?? 15,
        ip: attempt.ip,
        userAgent: userAgent(request),
      })
      const context = await portalContextFromToken(db, token)
      if (!context) throw invalidCode
      setSessionCookie(reply, 'portal', token, cookies)
      return portalSessionView(context)
    },
  )
}
