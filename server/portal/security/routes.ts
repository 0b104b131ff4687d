import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import type { PortalGuard } from '../../platform/auth/portal-guard.ts'
import { SignInIncomplete } from '../../platform/auth/portal-guard.ts'
import {
  confirmApp,
  removeApp,
  replaceRecoveryCodes,
  startAppEnrollment,
} from '../../platform/auth/second-factor/commands.ts'
import {
  countUnusedRecoveryCodes,
  hasSecondFactor,
  listFactors,
  setSessionSecondFactorStep,
} from '../../platform/auth/second-factor/queries.ts'
import { endSessions } from '../../platform/auth/sessions.ts'
import type { Database } from '../../platform/db/database.ts'
import { countryOf } from '../../platform/http/ip-country.ts'
import { Conflict } from '../../platform/http/problems.ts'
import type { SecretBox } from '../../platform/mail/secrets.ts'
import { accountAuditor } from '../audit-read.ts'
import { portalSessionView } from '../signin/view.ts'
import { openSessions, recentSignIns, recordViewsByOthers } from './queries.ts'
import { AppConfirmed, AppEnrollment, RecoveryCodes, SecurityView, TypedCode } from './schemas.ts'
import { presentSecurity } from './view.ts'

/** The patient's Security page: second factors, recovery codes, sign-ins, sessions, viewers. */
export const securityRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: PortalGuard
  secrets: SecretBox
}> = async (app, { db, guard, secrets }) => {
  /** Signed in, or owing only the app the practice requires: both may add one. */
  async function enrolling(request: FastifyRequest) {
    const context = await guard.user(request, { allowIncomplete: true })
    if (context.stage !== 'ready' && context.stage !== 'second-factor-setup') {
      throw new SignInIncomplete(context.stage)
    }
    const owner = { kind: 'portal', portalUserId: context.user.id } as const
    const audit = accountAuditor(request, context.user)
    return { context, owner, audit, factorOwner: { owner, practiceId: context.user.practice_id } }
  }

  app.get(
    '/api/portal/security',
    { schema: { response: { 200: SecurityView } } },
    async (request, reply) => {
      const { user, session, patientIds, settings } = await guard.user(request)
      const owner = { kind: 'portal', portalUserId: user.id } as const
      const now = new Date()
      const [factors, recoveryCodesLeft, signIns, sessions, recordViews] = await Promise.all([
        listFactors(db, owner),
        countUnusedRecoveryCodes(db, owner),
        recentSignIns(db, user.practice_id, user.id),
        openSessions(db, user.id, now),
        recordViewsByOthers(db, user.practice_id, patientIds, user.id),
      ])
      reply.header('Cache-Control', 'no-store')
      const required = settings.second_factor_patients === 'required'
      const rows = { factors, recoveryCodesLeft, required, signIns, sessions, recordViews }
      return presentSecurity(rows, session.id, now, countryOf)
    },
  )

  app.post(
    '/api/portal/security/app',
    { schema: { response: { 200: AppEnrollment } } },
    async (request) => {
      const { context, factorOwner } = await enrolling(request)
      const names = { issuer: context.practice.name, label: context.user.username }
      return startAppEnrollment(db, secrets, factorOwner, names)
    },
  )

  app.post(
    '/api/portal/security/app/confirm',
    { schema: { body: TypedCode, response: { 200: AppConfirmed } } },
    async (request) => {
      const { context, factorOwner, audit } = await enrolling(request)
      const codes = await confirmApp(db, secrets, factorOwner, request.body.code)
      await audit.record(db, 'portal.second_factor_added', { details: { kind: 'totp' } })
      if (context.stage === 'second-factor-setup') {
        await setSessionSecondFactorStep(db, context.session.id, 'none')
      }
      return { codes, session: portalSessionView(await guard.refresh(request)) }
    },
  )

  app.delete('/api/portal/security/app', async (request, reply) => {
    const { user, settings } = await guard.user(request)
    const owner = { kind: 'portal', portalUserId: user.id } as const
    if (settings.second_factor_patients === 'required') {
      throw new Conflict('Your dental office requires an authenticator app; it cannot be removed.')
    }
    if (await removeApp(db, owner)) {
      await accountAuditor(request, user).record(db, 'portal.second_factor_removed', {
        details: { kind: 'totp' },
      })
    }
    return reply.status(204).send()
  })

  app.post(
    '/api/portal/security/recovery-codes',
    { schema: { response: { 200: RecoveryCodes } } },
    async (request) => {
      const { user } = await guard.user(request)
      const owner = { kind: 'portal', portalUserId: user.id } as const
      if (!(await hasSecondFactor(db, owner))) {
        throw new Conflict('Add an authenticator app first: recovery codes stand in for it.')
      }
      const codes = await replaceRecoveryCodes(db, { owner, practiceId: user.practice_id })
      await accountAuditor(request, user).record(db, 'portal.recovery_codes_replaced')
      return { codes }
    },
  )

  app.post('/api/portal/security/sign-out-others', async (request, reply) => {
    const { user, session } = await guard.user(request)
    const ended = await endSessions(db, { portal_user_id: user.id }, { except: session.id })
    await accountAuditor(request, user).record(db, 'portal.signed_out_elsewhere', {
      details: { sessions: ended },
    })
    return reply.status(204).send()
  })
}
