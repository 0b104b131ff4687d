import type { Database } from '../../platform/db/database.ts'

/** Patients born on the day given; names are compared in code (accents, case). */
export async function findPatientsBornOn(db: Database, practiceId: number, birthdate: string) {
  return db
    .selectFrom('patients')
    .select(['id', 'first_name', 'last_name', 'clinic_id'])
    .where('practice_id', '=', practiceId)
    .where('birthdate', '=', birthdate)
    .limit(500)
    .execute()
}

export async function findPatientClinicId(db: Database, practiceId: number, patientId: number) {
  const row = await db
    .selectFrom('patients')
    .select('clinic_id')
    .where('practice_id', '=', practiceId)
    .where('id', '=', patientId)
    .executeTakeFirst()
  return row?.clinic_id ?? null
}

export async function findPracticeContact(db: Database, practiceId: number) {
  return db
    .selectFrom('practices')
    .select([
      'name',
      'phone',
      'email',
      'address1',
      'address2',
      'city',
      'region',
      'postal_code',
      'time_zone',
    ])
    .where('id', '=', practiceId)
    .executeTakeFirstOrThrow()
}

export async function findClinicContact(db: Database, practiceId: number, clinicId: number) {
  return db
    .selectFrom('clinics')
    .select([
      'name',
      'phone',
      'email',
      'address1',
      'address2',
      'city',
      'region',
      'postal_code',
      'time_zone',
    ])
    .where('practice_id', '=', practiceId)
    .where('id', '=', clinicId)
    .where('is_hidden', '=', false)
    .executeTakeFirst()
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
