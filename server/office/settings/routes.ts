import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { recordAudit } from '../../platform/audit/audit.ts'
import { clientAddress } from '../../platform/auth/client.ts'
import type { OfficeGuard } from '../../platform/auth/office-guard.ts'
import type { Database } from '../../platform/db/database.ts'
import { Invalid, NotFound } from '../../platform/http/problems.ts'
import { hourMinute } from '../../practice/rules.ts'
import {
  type ContactChange,
  findPracticeContact,
  findSettings,
  listClinicContacts,
  listHours,
  replaceHours,
  updateClinicContact,
  updatePracticeContact,
} from './queries.ts'
import { hoursErrors } from './rules.ts'
import { ClinicParams, ContactBody, PortalSettingsBody, SettingsView } from './schemas.ts'

type Contact = Awaited<ReturnType<typeof findPracticeContact>>
type HoursRow = Awaited<ReturnType<typeof listHours>>[number]

function contactView(id: number | null, contact: Contact, hours: HoursRow[]) {
  return {
    id,
    name: contact.name,
    phone: contact.phone,
    email: contact.email,
    address1: contact.address1,
    address2: contact.address2,
    city: contact.city,
    region: contact.region,
    postalCode: contact.postal_code,
    hours: hours
      .filter((slot) => slot.clinic_id === id)
      .map((slot) => ({
        weekday: slot.weekday,
        opens: hourMinute(slot.opens),
        closes: hourMinute(slot.closes),
      })),
  }
}

function blankToNull(contact: ContactChange): ContactChange {
  const clean = (value: string | null) => (value?.trim() ? value.trim() : null)
  return {
    phone: clean(contact.phone),
    email: clean(contact.email),
    address1: clean(contact.address1),
    address2: clean(contact.address2),
    city: clean(contact.city),
    region: clean(contact.region),
    postalCode: clean(contact.postalCode),
  }
}

/** Portal Settings (administrators): features, time-outs, texts, contact details and hours. */
export const settingsRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: OfficeGuard
}> = async (app, { db, guard }) => {
  async function view(practiceId: number) {
    const [settings, practice, clinics, hours] = await Promise.all([
      findSettings(db, practiceId),
      findPracticeContact(db, practiceId),
      listClinicContacts(db, practiceId),
      listHours(db, practiceId),
    ])
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
      privacyPolicy: settings.privacy_policy,
      webmailNotificationSubject: settings.webmail_notification_subject,
      webmailNotificationBody: settings.webmail_notification_body,
      paymentProcessor: settings.payment_processor,
      practice: contactView(null, practice, hours),
      clinics: clinics.map((clinic) => contactView(clinic.id, clinic, hours)),
    }
  }

  app.get(
    '/api/office/settings',
    { schema: { response: { 200: SettingsView } } },
    async (request, reply) => {
      const { staff } = await guard.staff(request, ['admin'])
      reply.header('Cache-Control', 'no-store')
      return view(staff.practice_id)
    },
  )

  app.put(
    '/api/office/settings',
    { schema: { body: PortalSettingsBody, response: { 200: SettingsView } } },
    async (request) => {
      const { staff } = await guard.staff(request, ['admin'])
      const body = request.body
      await db.transaction().execute(async (trx) => {
        await trx
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
            privacy_policy: body.privacyPolicy,
            webmail_notification_subject: body.webmailNotificationSubject.trim(),
            webmail_notification_body: body.webmailNotificationBody.trim(),
            updated_at: new Date(),
            updated_by_staff_id: staff.id,
          })
          .where('practice_id', '=', staff.practice_id)
          .execute()
        await recordAudit(trx, {
          practiceId: staff.practice_id,
          actor: { type: 'staff_user', staffUserId: staff.id },
          action: 'settings.updated',
          ip: clientAddress(request),
          details: { features: body.features, idleTimeoutMinutes: body.idleTimeoutMinutes },
        })
      })
      return view(staff.practice_id)
    },
  )

  async function saveContact(
    request: Parameters<OfficeGuard['staff']>[0],
    clinicId: number | null,
    body: ContactChange & { hours: { weekday: number; opens: string; closes: string }[] },
  ) {
    const { staff } = await guard.staff(request, ['admin'])
    const errors = hoursErrors(body.hours)
    if (Object.keys(errors).length > 0) throw new Invalid('Please check the opening hours.', errors)
    await db.transaction().execute(async (trx) => {
      if (clinicId === null) await updatePracticeContact(trx, staff.practice_id, blankToNull(body))
      else if (!(await updateClinicContact(trx, staff.practice_id, clinicId, blankToNull(body)))) {
        throw new NotFound('No such clinic.')
      }
      await replaceHours(trx, staff.practice_id, clinicId, body.hours)
      await recordAudit(trx, {
        practiceId: staff.practice_id,
        actor: { type: 'staff_user', staffUserId: staff.id },
        action: 'settings.contact_updated',
        targetType: clinicId === null ? 'practice' : 'clinic',
        targetId: clinicId ?? staff.practice_id,
        ip: clientAddress(request),
      })
    })
    return view(staff.practice_id)
  }

  app.put(
    '/api/office/settings/practice',
    { schema: { body: ContactBody, response: { 200: SettingsView } } },
    (request) => saveContact(request, null, request.body),
  )

  app.put(
    '/api/office/settings/clinics/:clinicId',
    { schema: { params: ClinicParams, body: ContactBody, response: { 200: SettingsView } } },
    (request) => saveContact(request, request.params.clinicId, request.body),
  )
}
