import { hashPassword } from '../../platform/auth/passwords.ts'
import { endPortalUserSessions } from '../../platform/auth/sessions.ts'
import { newOneTimePassword, randomDigits } from '../../platform/auth/tokens.ts'
import { clearVerificationMisses } from '../../platform/auth/verification-lock.ts'
import type { Database } from '../../platform/db/database.ts'
import { Conflict, Invalid, NotFound } from '../../platform/http/problems.ts'
import { usernameTaken } from '../../practice/queries.ts'
import { suggestedUsername, usernameProblem } from '../../practice/rules.ts'
import { queueSyncEvent } from '../../sync/outbox.ts'
import type { ActingStaff, StaffAuditor } from '../staff-audit.ts'
import {
  findPatientAccessOrNotFound,
  grantAccess,
  lockPatientAccess,
  type PatientAccessRow,
  removeAccess,
  setTemporaryPassword,
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
  return changeAccess(db, staff, audit, {
    patientId,
    change: 'granted',
    check: grantable,
    prepare: issuePassword,
    apply: async (trx, row, issued) => {
      const username = await chooseUsername(trx, staff.practice_id, row, wanted)
      const practiceId = staff.practice_id
      const passwordHash = issued.hash
      await grantAccess(trx, {
        practiceId,
        patientId,
        username,
        passwordHash,
        staffUserId: staff.id,
      })
      return { username, oneTimePassword: issued.oneTimePassword }
    },
  })
}

/** A new one-time password; the patient's sessions end, so only the new password signs in. */
export async function resetPortalPassword(
  db: Database,
  staff: ActingStaff,
  audit: StaffAuditor,
  { patientId }: { patientId: number },
): Promise<IssuedCredentials> {
  const account = (row: PatientAccessRow) =>
    currentAccess(row, 'This patient has no online access yet.')
  return changeAccess(db, staff, audit, {
    patientId,
    change: 'reset',
    check: account,
    prepare: issuePassword,
    apply: async (trx, row, issued) => {
      const { portalUserId, username } = account(row)
      await setTemporaryPassword(trx, portalUserId, issued.hash)
      await endPortalUserSessions(trx, portalUserId)
      return { username, oneTimePassword: issued.oneTimePassword }
    },
  })
}

/**
 * A change to an existing account that issues nothing: refused (409) when the patient has none.
 * `act` gets the account's id, inside the transaction.
 */
function accountChange(
  change: AccessChange,
  act: (trx: Database, portalUserId: number) => Promise<void>,
) {
  return async (
    db: Database,
    staff: ActingStaff,
    audit: StaffAuditor,
    { patientId }: { patientId: number },
  ): Promise<void> => {
    await changeAccess(db, staff, audit, {
      patientId,
      change,
      check: currentAccess,
      prepare: async () => undefined,
      apply: async (trx, row) => {
        const access = currentAccess(row)
        await act(trx, access.portalUserId)
        return access
      },
    })
  }
}

/** After three misses at "verify personal information" the account waits for the office (or a day). */
export const unlockPortalVerification = accountChange('unlocked', clearVerificationMisses)

/** Ends the patient's online access and every session they have open. */
export const removePortalAccess = accountChange('removed', async (trx, portalUserId) => {
  await removeAccess(trx, portalUserId)
  await endPortalUserSessions(trx, portalUserId)
})

interface AccessSteps<P, T> {
  patientId: number
  change: AccessChange
  /** The refusals, on a plain read before any slow work, and again on the locked row. */
  check: (row: PatientAccessRow) => unknown
  /** Slow work done outside the transaction (argon2: too long to hold a lock and connection). */
  prepare: () => Promise<P>
  /** The change itself, answering with the account's user name. */
  apply: (trx: Database, row: PatientAccessRow, prepared: P) => Promise<T>
}

/**
 * One access change: checked first (so a refusal costs no hashing), then in one transaction the
 * patient's row locked and checked again, the change, the sync event the PMS pulls and the audit
 * row. The event carries the user name and the PMS's own patient id, never health information.
 */
async function changeAccess<P, T extends { username: string }>(
  db: Database,
  staff: ActingStaff,
  audit: StaffAuditor,
  { patientId, change, check, prepare, apply }: AccessSteps<P, T>,
): Promise<T> {
  check(await findPatientAccessOrNotFound(db, staff.practice_id, patientId))
  const prepared = await prepare()
  return db.transaction().execute(async (trx) => {
    const row = await lockPatientAccess(trx, staff.practice_id, patientId)
    if (!row) throw new NotFound('No such patient.')
    check(row)
    const result = await apply(trx, row, prepared)
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

function grantable(row: PatientAccessRow) {
  if (hasAccess(row)) throw new Conflict('This patient already has online access.')
  const missing = missingForAccess(row)
  if (missing.length > 0) throw new Invalid(`Add the patient's ${missing.join(', ')} first.`)
}

/** The patient's portal account, or a 409 saying they have none to change. */
function currentAccess(row: PatientAccessRow, refusal = 'This patient has no online access.') {
  if (!hasAccess(row) || row.portal_user_id === null || !row.username) throw new Conflict(refusal)
  return { portalUserId: row.portal_user_id, username: row.username }
}

/** A one-time password and its argon2 hash. */
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
      ((await usernameTaken(db, 'portal_users', practiceId, typed))
        ? 'This user name is taken.'
        : undefined)
    if (problem) throw new Invalid('Please choose another user name.', { username: problem })
    return typed
  }
  for (let digits = 4; digits <= 8; digits++) {
    const candidate = suggestedUsername(row.first_name, randomDigits(digits))
    if (!(await usernameTaken(db, 'portal_users', practiceId, candidate))) return candidate
  }
  throw new Conflict('Could not find a free user name; please type one.')
}
