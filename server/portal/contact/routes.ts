import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { recordAudit } from '../../platform/audit/audit.ts'
import { clientAddress } from '../../platform/auth/client.ts'
import type { PortalGuard } from '../../platform/auth/portal-guard.ts'
import { enforceThrottle } from '../../platform/auth/sign-in.ts'
import { recordFailure } from '../../platform/auth/throttle.ts'
import type { Database } from '../../platform/db/database.ts'
import { NotFound } from '../../platform/http/problems.ts'
import { findPortalPractice } from '../signin/queries.ts'
import { sameName } from '../signin/rules.ts'
import { ContactDetails, PersonalInfo } from '../signin/schemas.ts'
import {
  findBusinessHours,
  findClinicContact,
  findPatientClinicId,
  findPatientsBornOn,
  findPracticeContact,
} from './queries.ts'
import { addressLines, hourMinute } from './rules.ts'

/**
 * Contact us: the office's address, phone, email and hours. Before sign-in the visitor first
 * says who they are, so the answer can be their own clinic's.
 */
export const contactRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: PortalGuard
}> = async (app, { db, guard }) => {
  app.post(
    '/api/public/contact',
    { schema: { body: PersonalInfo, response: { 200: ContactDetails } } },
    async (request, reply) => {
      const practice = await findPortalPractice(db)
      if (!practice) throw new NotFound('No practice has been set up yet.')
      const attempt = {
        practiceId: practice.id,
        realm: 'portal' as const,
        username: 'contact-us',
        ip: clientAddress(request),
      }
      await enforceThrottle(db, reply, attempt)
      const born = await findPatientsBornOn(db, practice.id, request.body.birthdate)
      const patient = born.find(
        (candidate) =>
          sameName(candidate.first_name, request.body.firstName) &&
          sameName(candidate.last_name, request.body.lastName),
      )
      if (!patient) {
        // Not found still shows the practice's details: a visitor learns nothing about records.
        await recordFailure(db, attempt)
        await recordAudit(db, {
          practiceId: practice.id,
          actor: { type: 'anonymous' },
          action: 'portal.contact_lookup',
          outcome: 'failure',
          ip: attempt.ip,
        })
      }
      return contactDetails(db, practice.id, patient?.clinic_id ?? null)
    },
  )

  app.get(
    '/api/portal/contact',
    { schema: { response: { 200: ContactDetails } } },
    async (request) => {
      const { user } = await guard.user(request)
      const clinicId = await findPatientClinicId(db, user.practice_id, user.patient_id)
      return contactDetails(db, user.practice_id, clinicId)
    },
  )
}

async function contactDetails(db: Database, practiceId: number, clinicId: number | null) {
  const practice = await findPracticeContact(db, practiceId)
  const clinic = clinicId === null ? undefined : await findClinicContact(db, practiceId, clinicId)
  const place = clinic ?? practice
  let hours = clinic && clinicId !== null ? await findBusinessHours(db, practiceId, clinicId) : []
  if (hours.length === 0) hours = await findBusinessHours(db, practiceId, null)
  return {
    // Clinics are often named after the practice already ("Maple Grove Dental - Main Street").
    name: !clinic
      ? practice.name
      : clinic.name.includes(practice.name)
        ? clinic.name
        : `${practice.name} – ${clinic.name}`,
    phone: place.phone ?? practice.phone,
    email: place.email ?? practice.email,
    addressLines: addressLines(place),
    timeZone: clinic?.time_zone ?? practice.time_zone,
    hours: hours.map((row) => ({
      weekday: row.weekday,
      opens: hourMinute(row.opens),
      closes: hourMinute(row.closes),
    })),
  }
}
