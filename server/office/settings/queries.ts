import type { Static } from 'typebox'
import { findPortalSettings } from '../../platform/auth/portal-guard.ts'
import type { Database } from '../../platform/db/database.ts'
import { findColumnsById, updatePracticeRow, updateRowById } from '../../platform/db/rows.ts'
import { CONTACT_COLUMNS } from '../../practice/queries.ts'
import type { PortalSettingsBody } from './schemas.ts'

/** Everything Portal Settings shows, read at once. */
export async function loadSettings(db: Database, practiceId: number) {
  const [settings, practice, clinics, hours] = await Promise.all([
    findSettings(db, practiceId),
    findPracticeContact(db, practiceId),
    listClinicContacts(db, practiceId),
    listHours(db, practiceId),
  ])
  return { settings, practice, clinics, hours }
}

/** Every practice has its settings row from the day it is set up (office/setup). */
export async function findSettings(db: Database, practiceId: number) {
  const settings = await findPortalSettings(db, practiceId)
  if (!settings) throw new Error(`Practice ${practiceId} has no portal settings.`)
  return settings
}

export async function findPracticeContact(db: Database, practiceId: number) {
  return findColumnsById(db, 'practices', practiceId, [...CONTACT_COLUMNS, 'npi'])
}

export async function listClinicContacts(db: Database, practiceId: number) {
  return db
    .selectFrom('clinics')
    .select(['id', ...CONTACT_COLUMNS, 'npi'])
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

export async function updatePortalSettings(
  db: Database,
  practiceId: number,
  staffId: number,
  body: Static<typeof PortalSettingsBody>,
) {
  await db
    .updateTable('portal_settings')
    .set({
      feature_make_payments: body.features.makePayments,
      feature_account: body.features.account,
      feature_webmail: body.features.webmail,
      feature_care_summary: body.features.careSummary,
      feature_images: body.features.images,
      feature_appointments: body.features.appointments,
      feature_treatment_plan: body.features.treatmentPlan,
      idle_timeout_minutes: body.idleTimeoutMinutes,
      verify_personal_info: body.verifyPersonalInfo,
      ...(body.secondFactorPatients ? { second_factor_patients: body.secondFactorPatients } : {}),
      ...(body.secondFactorAdmins === undefined
        ? {}
        : { second_factor_admins: body.secondFactorAdmins }),
      privacy_policy: body.privacyPolicy,
      webmail_notification_subject: body.webmailNotificationSubject.trim(),
      webmail_notification_body: body.webmailNotificationBody.trim(),
      ...(body.webmailPatientAttachments !== undefined
        ? { webmail_patient_attachments: body.webmailPatientAttachments }
        : {}),
      ...(body.webmailAttachmentMaxBytes !== undefined
        ? { webmail_attachment_max_bytes: body.webmailAttachmentMaxBytes }
        : {}),
      ...(body.paymentProcessor !== undefined ? { payment_processor: body.paymentProcessor } : {}),
      ...(body.paymentMaximumCents !== undefined
        ? { payment_maximum_cents: body.paymentMaximumCents }
        : {}),
      updated_at: new Date(),
      updated_by_staff_id: staffId,
    })
    .where('practice_id', '=', practiceId)
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
  /** Undefined: left as it is. */
  npi?: string | null
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
    ...(contact.npi === undefined ? {} : { npi: contact.npi }),
  }
}

export async function updatePracticeContact(
  db: Database,
  practiceId: number,
  contact: ContactChange,
) {
  await updateRowById(db, 'practices', practiceId, contactColumns(contact))
}

export async function updateClinicContact(
  db: Database,
  practiceId: number,
  clinicId: number,
  contact: ContactChange,
) {
  const result = await updatePracticeRow(
    db,
    'clinics',
    practiceId,
    clinicId,
    contactColumns(contact),
  ).executeTakeFirst()
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
