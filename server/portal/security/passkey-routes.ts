import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { RegistrationResponseJSON } from '@simplewebauthn/server'
import type { PortalGuard } from '../../platform/auth/portal-guard.ts'
import { SignInIncomplete } from '../../platform/auth/portal-guard.ts'
import { renamePasskey } from '../../platform/auth/second-factor/passkey-queries.ts'
import {
  passkeyRegistrationOptions,
  type RelyingParty,
  registerPasskey,
  removePasskey,
} from '../../platform/auth/second-factor/passkeys.ts'
import { setSessionSecondFactorStep } from '../../platform/auth/second-factor/queries.ts'
import type { Database } from '../../platform/db/database.ts'
import { NotFound } from '../../platform/http/problems.ts'
import {
  NewPasskey,
  PasskeyAdded,
  PasskeyIdParams,
  PasskeyName,
  PasskeyOptions,
} from '../../practice/schemas.ts'
import { accountAuditor } from '../audit-read.ts'

/** The Security page's passkeys: add (also while the practice's policy asks for one), rename, remove. */
export const passkeySecurityRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: PortalGuard
  rp: RelyingParty
}> = async (app, { db, guard, rp }) => {
  async function enrolling(request: Parameters<PortalGuard['user']>[0]) {
    const context = await guard.user(request, { allowIncomplete: true })
    if (context.stage !== 'ready' && context.stage !== 'second-factor-setup') {
      throw new SignInIncomplete(context.stage)
    }
    const owner = { kind: 'portal', portalUserId: context.user.id } as const
    return { context, factorOwner: { owner, practiceId: context.user.practice_id } }
  }

  app.post(
    '/api/portal/security/passkeys/options',
    { schema: { response: { 200: PasskeyOptions } } },
    async (request, reply) => {
      const { context, factorOwner } = await enrolling(request)
      reply.header('Cache-Control', 'no-store')
      return passkeyRegistrationOptions(db, rp, factorOwner, {
        rpName: context.practice.name,
        userName: context.user.username,
        displayName: context.user.username,
      })
    },
  )

  app.post(
    '/api/portal/security/passkeys',
    { schema: { body: NewPasskey, response: { 200: PasskeyAdded } } },
    async (request) => {
      const { context, factorOwner } = await enrolling(request)
      const response = request.body.response as unknown as RegistrationResponseJSON
      const label = request.body.label
      const added = await registerPasskey(db, rp, factorOwner, { label, response })
      await accountAuditor(request, context.user).record(db, 'portal.second_factor_added', {
        details: { kind: 'passkey' },
        target: { type: 'second_factor', id: added.id },
      })
      if (context.stage === 'second-factor-setup') {
        await setSessionSecondFactorStep(db, context.session.id, 'none')
      }
      return added
    },
  )

  app.patch(
    '/api/portal/security/passkeys/:passkeyId',
    { schema: { params: PasskeyIdParams, body: PasskeyName } },
    async (request, reply) => {
      const { user } = await guard.user(request)
      const owner = { kind: 'portal', portalUserId: user.id } as const
      const label = request.body.label.trim()
      if (!(await renamePasskey(db, owner, request.params.passkeyId, label))) throw new NotFound()
      return reply.status(204).send()
    },
  )

  app.delete(
    '/api/portal/security/passkeys/:passkeyId',
    { schema: { params: PasskeyIdParams } },
    async (request, reply) => {
      const { user, settings } = await guard.user(request)
      const owner = { kind: 'portal', portalUserId: user.id } as const
      const required = settings.second_factor_patients === 'required'
      if (!(await removePasskey(db, owner, request.params.passkeyId, { required }))) {
        throw new NotFound()
      }
      await accountAuditor(request, user).record(db, 'portal.second_factor_removed', {
        details: { kind: 'passkey' },
        target: { type: 'second_factor', id: request.params.passkeyId },
      })
      return reply.status(204).send()
    },
  )
}
