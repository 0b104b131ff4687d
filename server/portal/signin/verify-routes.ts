import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { recordAudit } from '../../platform/audit/audit.ts'
import { VERIFICATION_ATTEMPTS } from '../../platform/auth/access-rules.ts'
import { clientAddress } from '../../platform/auth/client.ts'
import { clearSessionCookie } from '../../platform/auth/cookies.ts'
import { endSession, markPersonalInfoVerified } from '../../platform/auth/sessions.ts'
import {
  clearVerificationMisses,
  countVerificationTry,
} from '../../platform/auth/verification-lock.ts'
import { Invalid, Problem } from '../../platform/http/problems.ts'
import { findPatientIdentity } from './queries.ts'
import { sameName } from './rules.ts'
import { PersonalInfo, PortalSessionView } from './schemas.ts'
import type { PortalAuthOptions } from './session-routes.ts'
import { portalSessionView } from './view.ts'

class VerificationLocked extends Problem {
  constructor() {
    super(
      403,
      'verification-locked',
      'Could not verify',
      'We could not verify your information, so you have been signed out. Please contact your dental office.',
    )
  }
}

/** "Verify personal information" after sign-in, when the practice requires it. */
export const portalVerifyRoutes: FastifyPluginAsyncTypebox<PortalAuthOptions> = async (
  app,
  { db, guard, cookies },
) => {
  app.post(
    '/api/portal/verify',
    { schema: { body: PersonalInfo, response: { 200: PortalSessionView } } },
    async (request, reply) => {
      const context = await guard.user(request, { allowIncomplete: true })
      if (context.stage !== 'verify') {
        throw new Problem(409, 'already-done', 'Already done', 'Nothing to verify now.')
      }
      const { user, session } = context
      const actor = { type: 'portal_user' as const, portalUserId: user.id }
      const ip = clientAddress(request)
      const signOut = async () => {
        await endSession(db, session.id)
        clearSessionCookie(reply, 'portal', cookies)
      }
      // Counted on the account before the answer is looked at: a new session gets no new tries.
      const tries = await countVerificationTry(db, user.id)
      if (tries === undefined) {
        await recordAudit(db, {
          practiceId: user.practice_id,
          actor,
          action: 'portal.verification_locked',
          outcome: 'failure',
          patientId: user.patient_id,
          ip,
          details: { reason: 'account-locked' },
        })
        await signOut()
        throw new VerificationLocked()
      }
      const record = await findPatientIdentity(db, user.practice_id, user.patient_id)
      const matches =
        sameName(request.body.firstName, record.first_name) &&
        sameName(request.body.lastName, record.last_name) &&
        request.body.birthdate === record.birthdate
      if (matches) {
        await clearVerificationMisses(db, user.id)
        await markPersonalInfoVerified(db, session.id)
        await recordAudit(db, {
          practiceId: user.practice_id,
          actor,
          action: 'portal.personal_info_verified',
          patientId: user.patient_id,
          ip,
        })
        return portalSessionView(await guard.refresh(request))
      }
      const locked = tries >= VERIFICATION_ATTEMPTS
      await recordAudit(db, {
        practiceId: user.practice_id,
        actor,
        action: locked ? 'portal.verification_locked' : 'portal.personal_info_verified',
        outcome: 'failure',
        patientId: user.patient_id,
        ip,
        details: { failures: tries },
      })
      if (locked) {
        await signOut()
        throw new VerificationLocked()
      }
      const left = VERIFICATION_ATTEMPTS - tries
      throw new Invalid(
        `This does not match our records. ${left === 1 ? 'One try' : `${left} tries`} left.`,
      )
    },
  )
}
