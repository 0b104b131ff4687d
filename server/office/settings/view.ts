import type { Static } from 'typebox'
import { hourMinute } from '../../practice/rules.ts'
import type { findPracticeContact, loadSettings } from './queries.ts'
import type { ContactView, SettingsView } from './schemas.ts'

type Loaded = Awaited<ReturnType<typeof loadSettings>>
type Contact = Awaited<ReturnType<typeof findPracticeContact>>
type HoursRow = Loaded['hours'][number]

/** Portal Settings as the page shows them: switches, texts, the practice and each clinic. */
export function presentSettings({
  settings,
  practice,
  clinics,
  hours,
}: Loaded): Static<typeof SettingsView> {
  return {
    features: {
      makePayments: settings.feature_make_payments,
      account: settings.feature_account,
      webmail: settings.feature_webmail,
      careSummary: settings.feature_care_summary,
      images: settings.feature_images,
      appointments: settings.feature_appointments,
      treatmentPlan: settings.feature_treatment_plan,
    },
    idleTimeoutMinutes: settings.idle_timeout_minutes,
    verifyPersonalInfo: settings.verify_personal_info,
    secondFactorPatients: settings.second_factor_patients === 'required' ? 'required' : 'optional',
    secondFactorAdmins: settings.second_factor_admins,
    privacyPolicy: settings.privacy_policy,
    webmailNotificationSubject: settings.webmail_notification_subject,
    webmailNotificationBody: settings.webmail_notification_body,
    paymentProcessor: settings.payment_processor as 'sandbox' | 'stripe' | null,
    paymentMaximumCents: Number(settings.payment_maximum_cents),
    webmailPatientAttachments: settings.webmail_patient_attachments,
    webmailAttachmentMaxBytes: settings.webmail_attachment_max_bytes,
    practice: presentContact(null, practice, hours),
    clinics: clinics.map((clinic) => presentContact(clinic.id, clinic, hours)),
  }
}

/** The practice's (id null) or a clinic's contact details, with only its own opening hours. */
export function presentContact(
  id: number | null,
  contact: Contact,
  hours: HoursRow[],
): Static<typeof ContactView> {
  const { name, phone, email, address1, address2, city, region, postal_code, npi } = contact
  const own = hours.filter((slot) => slot.clinic_id === id)
  return {
    id,
    name,
    phone,
    email,
    address1,
    address2,
    city,
    region,
    postalCode: postal_code,
    npi,
    hours: own.map(({ weekday, opens, closes }) => ({
      weekday,
      opens: hourMinute(opens),
      closes: hourMinute(closes),
    })),
  }
}
