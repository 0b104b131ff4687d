import type { Database } from '../../platform/db/database.ts'

export async function findSettings(db: Database, practiceId: number) {
  return db
    .selectFrom('portal_settings')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .executeTakeFirstOrThrow()
}

const CONTACT = [
  'name',
  'phone',
  'email',
  'address1',
  'address2',
  'city',
  'region',
  'postal_code',
] as const

export async function findPracticeContact(db: Database, practiceId: number) {
  return db
    .selectFrom('practices')
    .select(CONTACT)
    .where('id', '=', practiceId)
    .executeTakeFirstOrThrow()
}

export async function listClinicContacts(db: Database, practiceId: number) {
  return db
    .selectFrom('clinics')
    .select(['id', ...CONTACT])
    .where('practice_id', '=', practiceId)
    .where('is_hidden', '=', false)
    .orderBy('name')
    .execute()
}

export async function listHours(db: Database, practiceId: number) {
  return db
    .selectFrom('business_hours')
    .select(['clinic_id', 'weekday', 'opens', 'closes'])
    .where('practice_id', '=', practiceId)
    .orderBy('weekday')
    .orderBy('opens')
    .execute()
}

export interface ContactChange {
  phone: string | null
  email: string | null
  address1: string | null
  address2: string | null
  city: string | null
  region: string | null
  postalCode: string | null
}

/** A contact as the columns practices and clinics share. */
export function contactColumns(contact: ContactChange) {
  return {
    phone: contact.phone,
    email: contact.email,
    address1: contact.address1,
    address2: contact.address2,
    city: contact.city,
    region: contact.region,
    postal_code: contact.postalCode,
  }
}

export async function updatePracticeContact(
  db: Database,
  practiceId: number,
  contact: ContactChange,
) {
  await db
    .updateTable('practices')
    .set(contactColumns(contact))
    .where('id', '=', practiceId)
    .execute()
}

export async function updateClinicContact(
  db: Database,
  practiceId: number,
  clinicId: number,
  contact: ContactChange,
) {
  const result = await db
    .updateTable('clinics')
    .set(contactColumns(contact))
    .where('practice_id', '=', practiceId)
    .where('id', '=', clinicId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Replaces the opening hours of the practice (clinicId null) or of one clinic. */
export async function replaceHours(
  db: Database,
  practiceId: number,
  clinicId: number | null,
  hours: { weekday: number; opens: string; closes: string }[],
) {
  let remove = db.deleteFrom('business_hours').where('practice_id', '=', practiceId)
  remove =
    clinicId === null
      ? remove.where('clinic_id', 'is', null)
      : remove.where('clinic_id', '=', clinicId)
  await remove.execute()
  if (hours.length === 0) return
  await db
    .insertInto('business_hours')
    .values(hours.map((slot) => ({ practice_id: practiceId, clinic_id: clinicId, ...slot })))
    .execute()
}
