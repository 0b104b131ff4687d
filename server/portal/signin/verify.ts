import type { Static } from 'typebox'
import { VERIFICATION_ATTEMPTS } from '../../platform/auth/access-rules.ts'
import type { PortalUser } from '../../platform/auth/portal-guard.ts'
import { markPersonalInfoVerified } from '../../platform/auth/sessions.ts'
import {
  clearVerificationMisses,
  countVerificationTry,
} from '../../platform/auth/verification-lock.ts'
import type { Database } from '../../platform/db/database.ts'
import { Invalid, Problem } from '../../platform/http/problems.ts'
import type { Auditor } from '../audit-read.ts'
import { findPatientIdentity } from './queries.ts'
import { sameName } from './rules.ts'
import type { PersonalInfo } from './schemas.ts'

export class VerificationLocked extends Problem {
  constructor() {
    super(
      403,
      'verification-locked',
      'Could not verify',
      'We could not verify your information, so you have been signed out. Please contact your dental office.',
    )
  }
}

/**
 * "Verify personal information": the typed name and birthdate against the patient's record.
 * Tries are counted on the account before the answer is looked at, so a new session gets no new
 * tries. Answers 'verified' or 'locked' (the caller signs the session out); a miss with tries left
 * is a 400 saying how many.
 */
export async function verifyPersonalInfo(
  db: Database,
  signedIn: { user: PortalUser; sessionId: number },
  audit: Auditor,
  typed: Static<typeof PersonalInfo>,
): Promise<'verified' | 'locked'> {
  const { user } = signedIn
  const tries = await countVerificationTry(db, user.id)
  if (tries === undefined) {
    const details = { reason: 'account-locked' }
    await audit.record(db, 'portal.verification_locked', { outcome: 'failure', details })
    return 'locked'
  }
  const record = await findPatientIdentity(db, user.practice_id, user.patient_id)
  const matches =
    sameName(typed.firstName, record.first_name) &&
    sameName(typed.lastName, record.last_name) &&
    typed.birthdate === record.birthdate
  if (matches) {
    await clearVerificationMisses(db, user.id)
    await markPersonalInfoVerified(db, signedIn.sessionId)
    await audit.record(db, 'portal.personal_info_verified')
    return 'verified'
  }
  const locked = tries >= VERIFICATION_ATTEMPTS
  const action = locked ? 'portal.verification_locked' : 'portal.personal_info_verified'
  await audit.record(db, action, { outcome: 'failure', details: { failures: tries } })
  if (locked) return 'locked'
  const left = VERIFICATION_ATTEMPTS - tries
  throw new Invalid(
    `This does not match our records. ${left === 1 ? 'One try' : `${left} tries`} left.`,
  )
}
