import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'
import { findColumnsById, updateRowById } from '../../platform/db/rows.ts'
import { NotFound } from '../../platform/http/problems.ts'
import { CONTACT_COLUMNS, lockPatient, practicePatient } from '../../practice/queries.ts'

const PATIENT_COLUMNS = [
  'patients.id',
  'patients.first_name',
  'patients.last_name',
  'patients.birthdate',
  'patients.status',
  'patients.email',
  'patients.address1',
  'patients.city',
  'patients.external_id',
] as const

const ACCESS_COLUMNS = [
  'portal_users.id as portal_user_id',
  'portal_users.username',
  'portal_users.password_is_temporary',
  'portal_users.last_sign_in_at',
  'portal_users.removed_at',
  'portal_users.verification_failures',
  'portal_users.verification_failed_at',
] as const

/** Patients whose last or first name starts with the words typed, optionally born on a date. */
export async function searchPatients(
  db: Database,
  practiceId: number,
  search: { name?: string | undefined; birthdate?: string | undefined },
) {
  let query = db
    .selectFrom('patients')
    .leftJoin('portal_users', 'portal_users.patient_id', 'patients.id')
    .select([...PATIENT_COLUMNS, ...ACCESS_COLUMNS])
    .where('patients.practice_id', '=', practiceId)
  for (const word of (search.name ?? '')
    .trim()
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean)) {
    const prefix = `${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(patients.last_name)`, 'like', prefix),
        eb(sql`lower(patients.first_name)`, 'like', prefix),
      ]),
    )
  }
  if (search.birthdate) query = query.where('patients.birthdate', '=', search.birthdate)
  return query.orderBy('patients.last_name').orderBy('patients.first_name').limit(50).execute()
}

export async function findPatientAccess(db: Database, practiceId: number, patientId: number) {
  return practicePatient(db, practiceId, patientId)
    .leftJoin('portal_users', 'portal_users.patient_id', 'patients.id')
    .select([...PATIENT_COLUMNS, ...ACCESS_COLUMNS])
    .executeTakeFirst()
}

/** The patient's row with their portal account, or a 404 when the practice has no such patient. */
export async function findPatientAccessOrNotFound(
  db: Database,
  practiceId: number,
  patientId: number,
) {
  const row = await findPatientAccess(db, practiceId, patientId)
  if (!row) throw new NotFound('No such patient.')
  return row
}

/**
 * The same row with the patient locked until the transaction ends, so two staff members changing
 * one patient's access at once (two grants, a reset and a removal) take turns, each deciding on
 * what the other left.
 */
export async function lockPatientAccess(trx: Database, practiceId: number, patientId: number) {
  // Lock first, read after, in two statements: a statement that waited for the lock still sees
  // the joined account as it was when it started (PostgreSQL re-checks only the locked row).
  await lockPatient(trx, practiceId, patientId)
  return findPatientAccess(trx, practiceId, patientId)
}

export type PatientAccessRow = NonNullable<Awaited<ReturnType<typeof findPatientAccess>>>

/** Gives (or gives again, after removal) a patient portal access with a one-time password. */
export async function grantAccess(
  db: Database,
  grant: {
    practiceId: number
    patientId: number
    username: string
    passwordHash: string
    staffUserId: number
  },
) {
  const row = await db
    .insertInto('portal_users')
    .values({
      practice_id: grant.practiceId,
      patient_id: grant.patientId,
      username: grant.username,
      password_hash: grant.passwordHash,
      password_is_temporary: true,
      username_change_offered: false,
      created_by_staff_id: grant.staffUserId,
    })
    .onConflict((conflict) =>
      conflict.columns(['practice_id', 'patient_id']).doUpdateSet({
        username: grant.username,
        password_hash: grant.passwordHash,
        password_is_temporary: true,
        username_change_offered: false,
        created_by_staff_id: grant.staffUserId,
        removed_at: null,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function setTemporaryPassword(db: Database, portalUserId: number, hash: string) {
  await updateRowById(db, 'portal_users', portalUserId, {
    password_hash: hash,
    password_is_temporary: true,
  })
}

export async function removeAccess(db: Database, portalUserId: number, now = new Date()) {
  await updateRowById(db, 'portal_users', portalUserId, { removed_at: now })
}

export async function findPracticeLetterhead(db: Database, practiceId: number) {
  return findColumnsById(db, 'practices', practiceId, CONTACT_COLUMNS)
}
