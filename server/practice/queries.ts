import { type Selectable, sql } from 'kysely'
import type { Database } from '../platform/db/database.ts'
import {
  findColumnById,
  practiceRow,
  practiceRowsWhere,
  type TableWith,
} from '../platform/db/rows.ts'
import type { PracticesTable } from '../platform/db/schema.ts'
import { NotFound } from '../platform/http/problems.ts'
import { summariesReady } from './rules.ts'

/** How a practice or a clinic is reached: the same columns in both tables. */
export const CONTACT_COLUMNS = [
  'name',
  'phone',
  'email',
  'address1',
  'address2',
  'city',
  'region',
  'postal_code',
] as const
export type ContactRow = Pick<Selectable<PracticesTable>, (typeof CONTACT_COLUMNS)[number]>

/**
 * The practice whose portal this installation serves before anyone signs in: the oldest one.
 * (Several practices on one installation get their own portal address in a later step.)
 */
export async function findPortalPractice(db: Database) {
  return practicesWithPortalSettings(db)
    .select([
      'practices.id',
      'practices.name',
      'practices.currency',
      'portal_settings.feature_make_payments',
      'portal_settings.payment_processor',
    ])
    .orderBy('practices.id')
    .limit(1)
    .executeTakeFirst()
}

/**
 * Practices with their portal settings, the columns left to the caller. Left joined: a practice
 * whose settings row is missing is still found, its settings read as nulls (features off).
 */
export function practicesWithPortalSettings(db: Database) {
  return db
    .selectFrom('practices')
    .leftJoin('portal_settings', 'portal_settings.practice_id', 'practices.id')
}

/** The portal practice, for a request that cannot be answered before one is set up (404). */
export async function findPortalPracticeOrNotFound(db: Database) {
  const practice = await findPortalPractice(db)
  if (!practice) throw new NotFound('No practice has been set up yet.')
  return practice
}

/**
 * The accounts of this practice with this user name, portal or staff (`table`), compared without
 * case as sign-in compares them: at most one, by the unique index on lower(username).
 */
export async function findUsernameOwners(
  db: Database,
  table: 'portal_users' | 'staff_users',
  practiceId: number,
  username: string,
): Promise<number[]> {
  // Kysely cannot follow a union of table names; both tables have these columns.
  const rows = await db
    .selectFrom(table as 'portal_users')
    .select('id')
    .where('practice_id', '=', practiceId)
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .execute()
  return rows.map((row) => row.id)
}

/**
 * Whether an account of this practice (`table`) other than `exceptUserId` has this user name: a
 * name sign-in could not tell from it may not be given again, however it is capitalized.
 */
export async function usernameTaken(
  db: Database,
  table: 'portal_users' | 'staff_users',
  practiceId: number,
  username: string,
  exceptUserId?: number,
) {
  const owners = await findUsernameOwners(db, table, practiceId, username)
  return owners.some((id) => id !== exceptUserId)
}

/** A portal user's password hash, for the checks that compare a password with it. */
export function findPasswordHash(db: Database, portalUserId: number) {
  return findColumnById(db, 'portal_users', portalUserId, 'password_hash')
}

export function findPracticeName(db: Database, practiceId: number) {
  return findColumnById(db, 'practices', practiceId, 'name')
}

/** The practice's time zone (IANA), in which its calendar days begin and end. */
export function findPracticeTimeZone(db: Database, practiceId: number) {
  return findColumnById(db, 'practices', practiceId, 'time_zone')
}

/** Whether this practice has imported SNOMED CT and CVX, so care summaries may be created. */
export async function careSummariesReady(db: Database, practiceId: number): Promise<boolean> {
  const rows = await db
    .selectFrom('code_system_imports')
    .select('system')
    .distinct()
    .where('practice_id', '=', practiceId)
    .execute()
  return summariesReady(rows.map((row) => row.system))
}

/**
 * Holds the patient's row until the transaction ends, so that changes to one patient (two
 * bookings, two staff changing portal access) take turns, each seeing what the other left. Read
 * what the change decides on in a later statement: one that waited sees only this row anew.
 * Undefined when the practice has no such patient.
 */
export async function lockPatient(db: Database, practiceId: number, patientId: number) {
  return practicePatient(db, practiceId, patientId).select('id').forUpdate().executeTakeFirst()
}

/**
 * One patient of the practice, the columns left to the caller: the query finds nothing when the
 * practice has no such patient, whoever's id it is.
 */
export function practicePatient(db: Database, practiceId: number, patientId: number) {
  return practiceRow(db, 'patients', practiceId, patientId)
}

/** The practice-owned tables whose rows each belong to one patient. */
type PatientOwnedTable = TableWith<'practice_id' | 'patient_id'>

/**
 * One patient's own rows of a table in the practice, the columns, joins and order left to the
 * caller: like practicePatient, what a patient's tab reads is scoped by the practice (tenancy)
 * and by the patient the guard allowed, so it finds nothing of another practice or patient.
 */
export function patientRows<T extends PatientOwnedTable>(
  db: Database,
  table: T,
  practiceId: number,
  patientId: number,
) {
  return practiceRowsWhere(db, table, practiceId, 'patient_id', patientId)
}
