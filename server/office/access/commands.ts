import { hashPassword } from '../../platform/auth/passwords.ts'
import { endPortalUserSessions } from '../../platform/auth/sessions.ts'
import { newOneTimePassword, randomDigits } from '../../platform/auth/tokens.ts'
import { clearVerificationMisses } from '../../platform/auth/verification-lock.ts'
import type { Database } from '../../platform/db/database.ts'
import { Conflict, Invalid, NotFound } from '../../platform/http/problems.ts'
import { suggestedUsername, usernameProblem } from '../../practice/rules.ts'
import { queueSyncEvent } from '../../sync/outbox.ts'
import type { ActingStaff, StaffAuditor } from '../staff-audit.ts'
import {
  grantAccess,
  lockPatientAccess,
  type PatientAccessRow,
  removeAccess,
  setTemporaryPassword,
  usernameInUse,
} from './queries.ts'
import { hasAccess, missingForAccess } from './rules.ts'

/** A change to a patient's portal access, as the PMS hears of it (`portal_access.changed`). */
export type AccessChange = 'granted' | 'reset' | 'unlocked' | 'removed'

const AUDIT_ACTIONS: Record<AccessChange, string> = {
  granted: 'access.granted',
  reset: 'access.password_reset',
  unlocked: 'access.verification_unlocked',
  removed: 'access.removed',
}

/** A user name and one-time password, shown once; only the password's hash is kept. */
export interface IssuedCredentials {
  username: string
  oneTimePassword: string
}

/**
 * Gives a patient portal access with a one-time password, under the user name typed or a
 * suggested one. Refused when the patient already has access or lacks name, address or birthdate.
 */
export async function grantPortalAccess(
  db: Database,
  staff: ActingStaff,
  audit: StaffAuditor,
  { patientId, username: wanted }: { patientId: number; username?: string | undefined },
): Promise<IssuedCredentials> {
  const issued = await issuePassword()
  return changeAccess(db, staff, audit, patientId, 'granted', async (trx, row) => {
    if (hasAccess(row)) throw new Conflict('This patient already has online access.')
    const missing = missingForAccess(row)
    if (missing.length > 0) throw new Invalid(`Add the patient's ${missing.join(', ')} first.`)
    const username = await chooseUsername(trx, staff.practice_id, row, wanted)
    await grantAccess(trx, {
      practiceId: staff.practice_id,
      patientId: row.id,
      username,
      passwordHash: issued.hash,
      staffUserId: staff.id,
    })
    return { username, oneTimePassword: issued.oneTimePassword }
  })
}

/** A new one-time password; the patient's sessions end, so only the new password signs in. */
export async function resetPortalPassword(
  db: Database,
  staff: ActingStaff,
  audit: StaffAuditor,
  { patientId }: { patientId: number },
): Promise<IssuedCredentials> {
  const issued = await issuePassword()
  return changeAccess(db, staff, audit, patientId, 'reset', async (trx, row) => {
    const { portalUserId, username } = currentAccess(row, 'This patient has no online access yet.')
    await setTemporaryPassword(trx, portalUserId, issued.hash)
    await endPortalUserSessions(trx, portalUserId)
    return { username, oneTimePassword: issued.oneTimePassword }
  })
}

/** After three misses at "verify personal information" the account waits for the office (or a day). */
export async function unlockPortalVerification(
  db: Database,
  staff: ActingStaff,
  audit: StaffAuditor,
  { patientId }: { patientId: number },
): Promise<void> {
  await changeAccess(db, staff, audit, patientId, 'unlocked', async (trx, row) => {
    const access = currentAccess(row)
    await clearVerificationMisses(trx, access.portalUserId)
    return access
  })
}

/** Ends the patient's online access and every session they have open. */
export async function removePortalAccess(
  db: Database,
  staff: ActingStaff,
  audit: StaffAuditor,
  { patientId }: { patientId: number },
): Promise<void> {
  await changeAccess(db, staff, audit, patientId, 'removed', async (trx, row) => {
    const access = currentAccess(row)
    await removeAccess(trx, access.portalUserId)
    await endPortalUserSessions(trx, access.portalUserId)
    return access
  })
}

/**
 * One access change in one transaction: the patient's row locked and checked by `apply`, then
 * the sync event the PMS pulls and the audit row. `apply` answers with the account's user name;
 * the event carries it and the PMS's own patient id, never health information.
 */
async function changeAccess<T extends { username: string }>(
  db: Database,
  staff: ActingStaff,
  audit: StaffAuditor,
  patientId: number,
  change: AccessChange,
  apply: (trx: Database, row: PatientAccessRow) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const row = await lockPatientAccess(trx, staff.practice_id, patientId)
    if (!row) throw new NotFound('No such patient.')
    const result = await apply(trx, row)
    await queueSyncEvent(trx, {
      practiceId: staff.practice_id,
      kind: 'portal_access.changed',
      entityType: 'patient',
      entityId: row.id,
      payload: { patientExternalId: row.external_id, portalUserName: result.username, change },
    })
    await audit.record(trx, AUDIT_ACTIONS[change], { patientId: row.id })
    return result
  })
}

/** The patient's portal account, or a 409 saying they have none to change. */
function currentAccess(row: PatientAccessRow, refusal = 'This patient has no online access.') {
  if (!hasAccess(row) || row.portal_user_id === null || !row.username) throw new Conflict(refusal)
  return { portalUserId: row.portal_user_id, username: row.username }
}

/** Hashed before the transaction: argon2 takes tens of milliseconds, too long to hold a lock. */
async function issuePassword() {
  const oneTimePassword = newOneTimePassword()
  return { oneTimePassword, hash: await hashPassword(oneTimePassword) }
}

async function chooseUsername(
  db: Database,
  practiceId: number,
  row: PatientAccessRow,
  wanted: string | undefined,
) {
  const typed = wanted?.trim()
  if (typed) {
    const problem =
      usernameProblem(typed) ??
      ((await usernameInUse(db, practiceId, typed)) ? 'This user name is taken.' : undefined)
    if (problem) throw new Invalid('Please choose another user name.', { username: problem })
    return typed
  }
  for (let digits = 4; digits <= 8; digits++) {
    const candidate = suggestedUsername(row.first_name, randomDigits(digits))
    if (!(await usernameInUse(db, practiceId, candidate))) return candidate
  }
  throw new Conflict('Could not find a free user name; please type one.')
}
