import { sql } from 'kysely'
import { endSessions } from '../../platform/auth/sessions.ts'
import type { Database } from '../../platform/db/database.ts'
import { practiceRow, updateRowById } from '../../platform/db/rows.ts'
import { practicePatient } from '../../practice/queries.ts'

export async function listVisibleClinics(db: Database, practiceId: number) {
  return db
    .selectFrom('clinics')
    .select(['id', 'name', 'online_payments_enabled'])
    .where('practice_id', '=', practiceId)
    .where('is_hidden', '=', false)
    .orderBy('name')
    .execute()
}

/** The portal user a typed user name names (case-insensitive), with what sign-in checks. */
export async function findUserForSignIn(db: Database, practiceId: number, username: string) {
  return db
    .selectFrom('portal_users')
    .innerJoin('patients', 'patients.id', 'portal_users.patient_id')
    .select([
      'portal_users.id',
      'portal_users.practice_id',
      'portal_users.patient_id',
      'portal_users.username',
      'portal_users.password_hash',
      'portal_users.password_is_temporary',
      'patients.email',
    ])
    .where('portal_users.practice_id', '=', practiceId)
    .where(sql`lower(portal_users.username)`, '=', username.trim().toLowerCase())
    .where('portal_users.removed_at', 'is', null)
    .executeTakeFirst()
}

export async function setPassword(
  db: Database,
  portalUserId: number,
  passwordHash: string,
  now = new Date(),
) {
  await db
    .updateTable('portal_users')
    .set({
      password_hash: passwordHash,
      password_is_temporary: false,
      // The user name offer is once only, and this was the moment for it.
      username_change_offered: true,
      password_changed_at: now,
    })
    .where('id', '=', portalUserId)
    .execute()
}

export async function setUsername(db: Database, portalUserId: number, username: string) {
  await updateRowById(db, 'portal_users', portalUserId, { username: username.trim() })
}

export async function recordSignIn(db: Database, portalUserId: number, now = new Date()) {
  await updateRowById(db, 'portal_users', portalUserId, { last_sign_in_at: now })
}

/** What the personal-information check compares the patient's answers with. */
export async function findPatientIdentity(db: Database, practiceId: number, patientId: number) {
  return practicePatient(db, practiceId, patientId)
    .select(['first_name', 'last_name', 'birthdate'])
    .executeTakeFirstOrThrow()
}

/** Signs out a user's other browsers (after a password change); `keepSessionId` stays. */
export async function endOtherPortalSessions(
  db: Database,
  portalUserId: number,
  keepSessionId: number,
) {
  await endSessions(db, { portal_user_id: portalUserId }, { except: keepSessionId })
}

/** The privacy policy the office wrote (Portal Settings); empty when it wrote none. */
export async function findPrivacyPolicy(db: Database, practiceId: number) {
  const row = await db
    .selectFrom('portal_settings')
    .select('privacy_policy')
    .where('practice_id', '=', practiceId)
    .executeTakeFirst()
  return row?.privacy_policy ?? ''
}

/** The portal user a passkey belongs to, while they still have access. */
export async function findUserForPasskey(db: Database, practiceId: number, portalUserId: number) {
  return practiceRow(db, 'portal_users', practiceId, portalUserId)
    .select(['id', 'practice_id', 'patient_id'])
    .where('removed_at', 'is', null)
    .executeTakeFirst()
}
