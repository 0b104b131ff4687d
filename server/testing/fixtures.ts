import type { Insertable } from 'kysely'
import { importCodeSubset, importCvx } from '../office/code-systems/import.ts'
import { hashPassword } from '../platform/auth/passwords.ts'
import type { Database } from '../platform/db/database.ts'
import type { PatientsTable, PortalSettingsTable, StaffRole } from '../platform/db/schema.ts'

/** Small, explicit test data: a practice, people in it, and their sign-ins. */
export async function seedPractice(
  db: Database,
  name: string,
  settings: Partial<Insertable<PortalSettingsTable>> = {},
) {
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
    .values({ practice_id: practice.id, ...settings })
    .execute()
  return practice.id
}

export async function seedPatient(
  db: Database,
  practiceId: number,
  patient: Partial<Insertable<PatientsTable>> & { first_name: string; last_name: string },
) {
  const row = await db
    .insertInto('patients')
    .values({
      practice_id: practiceId,
      birthdate: '1985-05-20',
      address1: '12 Elm St',
      city: 'Guelph',
      region: 'ON',
      postal_code: 'N1H 2B2',
      ...patient,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function seedRepresentation(
  db: Database,
  practiceId: number,
  representativeId: number,
  patientIds: number[],
) {
  await db
    .insertInto('patient_representatives')
    .values(
      patientIds.map((patientId) => ({
        practice_id: practiceId,
        representative_id: representativeId,
        patient_id: patientId,
      })),
    )
    .execute()
}

export async function seedPortalUser(
  db: Database,
  practiceId: number,
  patientId: number,
  username: string,
  password: string,
  options: { temporary?: boolean } = {},
) {
  const row = await db
    .insertInto('portal_users')
    .values({
      practice_id: practiceId,
      patient_id: patientId,
      username,
      password_hash: await hashPassword(password),
      password_is_temporary: options.temporary ?? false,
      username_change_offered: !(options.temporary ?? false),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function seedStaff(
  db: Database,
  practiceId: number,
  username: string,
  password: string,
  role: StaffRole,
) {
  const row = await db
    .insertInto('staff_users')
    .values({
      practice_id: practiceId,
      username,
      password_hash: await hashPassword(password),
      display_name: username,
      role,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
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
