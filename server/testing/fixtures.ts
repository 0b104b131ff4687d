import type { Insertable, Selectable, Updateable } from 'kysely'
import { importCodeSubset, importCvx } from '../office/code-systems/import.ts'
import { hashPassword } from '../platform/auth/passwords.ts'
import type { Database } from '../platform/db/database.ts'
import type {
  PatientsTable,
  PortalSettingsTable,
  StaffRole,
  StaffUsersTable,
} from '../platform/db/schema.ts'

/** The password every test family's portal users have, unless a test gives one. */
export const FAMILY_PASSWORD = 'correct horse battery'
/** The password of test staff, unless a test gives one. */
export const STAFF_PASSWORD = 'staff password 1'

/**
 * Small, explicit test data: a practice, people in it, and their sign-ins. Each factory takes
 * one options object and fills in the rest, so a test names only what it is about.
 */
export async function seedPractice(
  db: Database,
  options: { name?: string; settings?: Partial<Insertable<PortalSettingsTable>> } = {},
) {
  const name = options.name ?? 'Maple Grove Dental'
  const practice = await db
    .insertInto('practices')
    .values({
      name,
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Math.random().toString(36).slice(2, 8)}`,
      time_zone: 'America/Toronto',
      currency: 'CAD',
      phone: '519-555-0100',
      email: 'hello@example.test',
      address1: '1 Practice Way',
      city: 'Guelph',
      region: 'ON',
      postal_code: 'N1H 1A1',
      country: 'CA',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('portal_settings')
    .values({ practice_id: practice.id, ...options.settings })
    .execute()
  return practice.id
}

/** A patient of the practice; any column of the row may be given, the others are plausible. */
export async function seedPatient(
  db: Database,
  { practiceId, ...columns }: { practiceId: number } & Partial<Insertable<PatientsTable>>,
) {
  const row = await db
    .insertInto('patients')
    .values({
      practice_id: practiceId,
      first_name: 'Test',
      last_name: 'Patient',
      birthdate: '1985-05-20',
      address1: '12 Elm St',
      city: 'Guelph',
      region: 'ON',
      postal_code: 'N1H 2B2',
      ...columns,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Changes columns of a seeded patient's row, as a later push from the PMS would. */
export async function updatePatient(
  db: Database,
  patientId: number,
  columns: Updateable<PatientsTable>,
) {
  await db.updateTable('patients').set(columns).where('id', '=', patientId).execute()
}

/** Makes `representativeId` the one who sees `patientIds` in the portal (a parent, a carer). */
export async function seedRepresentation(
  db: Database,
  options: { practiceId: number; representativeId: number; patientIds: number[] },
) {
  await db
    .insertInto('patient_representatives')
    .values(
      options.patientIds.map((patientId) => ({
        practice_id: options.practiceId,
        representative_id: options.representativeId,
        patient_id: patientId,
      })),
    )
    .execute()
}

/** A patient's portal sign-in; `temporary` is a password the office issued, to be changed. */
export async function seedPortalUser(
  db: Database,
  options: {
    practiceId: number
    patientId: number
    username: string
    password?: string
    temporary?: boolean
  },
) {
  const temporary = options.temporary ?? false
  const row = await db
    .insertInto('portal_users')
    .values({
      practice_id: options.practiceId,
      patient_id: options.patientId,
      username: options.username,
      password_hash: await hashPassword(options.password ?? FAMILY_PASSWORD),
      password_is_temporary: temporary,
      username_change_offered: !temporary,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** A patient with a portal sign-in of their own: the patient's and the user's ids. */
export async function seedPortalPatient(
  db: Database,
  {
    username,
    password,
    temporary,
    ...patient
  }: Parameters<typeof seedPatient>[1] & {
    username: string
    password?: string
    temporary?: boolean
  },
) {
  const patientId = await seedPatient(db, patient)
  const { practiceId } = patient
  const userId = await seedPortalUser(db, { practiceId, patientId, username, password, temporary })
  return { patientId, userId }
}

/** A staff member of the practice, an administrator unless a role is given. */
export async function seedStaff(
  db: Database,
  options: {
    practiceId: number
    username: string
    password?: string
    role?: StaffRole
    /** A one-time password from an administrator, still to be replaced. */
    passwordIsTemporary?: boolean
  },
) {
  const row = await db
    .insertInto('staff_users')
    .values({
      practice_id: options.practiceId,
      username: options.username,
      password_hash: await hashPassword(options.password ?? STAFF_PASSWORD),
      display_name: options.username,
      role: options.role ?? 'admin',
      password_is_temporary: options.passwordIsTemporary ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** One column of the staff user with this user name, who must exist. */
export async function staffColumnOf<C extends keyof Selectable<StaffUsersTable> & string>(
  db: Database,
  username: string,
  column: C,
): Promise<Selectable<StaffUsersTable>[C]> {
  const row = await db
    .selectFrom('staff_users')
    .select(column as 'id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow()
  // Kysely cannot follow a column name that is a type parameter; the signature keeps it checked.
  return (row as Record<string, unknown>)[column] as Selectable<StaffUsersTable>[C]
}

/**
 * Makes a practice ready for care summaries the way an administrator would: the shipped CVX
 * list and a one-code SNOMED CT subset (Dental caries) recorded as its imports.
 */
export async function seedCareSummaryCodes(db: Database, practiceId: number) {
  const by = { practiceId, staffId: null }
  await importCvx(db, by)
  await importCodeSubset(db, {
    ...by,
    system: 'SNOMEDCT',
    version: 'test subset',
    codes: [{ code: '80967001', display: 'Dental caries' }],
  })
}
