import type { Database } from '../../platform/db/database.ts'
import { findColumnsById, practiceRow } from '../../platform/db/rows.ts'
import { CONTACT_COLUMNS, practicePatient } from '../../practice/queries.ts'

export async function findPatientClinicId(db: Database, practiceId: number, patientId: number) {
  const row = await practicePatient(db, practiceId, patientId)
    .select('clinic_id')
    .executeTakeFirst()
  return row?.clinic_id ?? null
}

/** What the Contact tab shows of a practice or a clinic: the same columns in both tables. */
const CONTACT_AND_ZONE = [...CONTACT_COLUMNS, 'time_zone'] as const

export async function findPracticeContact(db: Database, practiceId: number) {
  return findColumnsById(db, 'practices', practiceId, CONTACT_AND_ZONE)
}

export async function findClinicContact(db: Database, practiceId: number, clinicId: number) {
  return practiceRow(db, 'clinics', practiceId, clinicId)
    .select(CONTACT_AND_ZONE)
    .where('is_hidden', '=', false)
    .executeTakeFirst()
}

/** The clinics patients may see (hidden ones are the PMS's bookkeeping), by name. */
export async function listVisibleClinicIds(db: Database, practiceId: number) {
  const rows = await db
    .selectFrom('clinics')
    .select('id')
    .where('practice_id', '=', practiceId)
    .where('is_hidden', '=', false)
    .orderBy('name')
    .execute()
  return rows.map((row) => row.id)
}

/** Opening hours of one clinic, or of the practice as a whole when `clinicId` is null. */
export async function findBusinessHours(db: Database, practiceId: number, clinicId: number | null) {
  let query = db
    .selectFrom('business_hours')
    .select(['weekday', 'opens', 'closes'])
    .where('practice_id', '=', practiceId)
  query =
    clinicId === null
      ? query.where('clinic_id', 'is', null)
      : query.where('clinic_id', '=', clinicId)
  return query.orderBy('weekday').orderBy('opens').execute()
}
