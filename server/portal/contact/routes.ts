import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PortalGuard } from '../../platform/auth/portal-guard.ts'
import type { Database } from '../../platform/db/database.ts'
import { findPortalPracticeOrNotFound } from '../../practice/queries.ts'
import { addressLines, hourMinute } from '../../practice/rules.ts'
import { ContactDetails, PublicContact } from '../signin/schemas.ts'
import {
  findBusinessHours,
  findClinicContact,
  findPatientClinicId,
  findPracticeContact,
  listVisibleClinicIds,
} from './queries.ts'

/**
 * Contact us: the office's address, phone, email and hours. Before sign-in everyone gets the same
 * answer, the practice and all its locations, for nothing typed: a public page that looked people
 * up would tell a stranger whether someone is a patient, and at which clinic.
 */
export const contactRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: PortalGuard
}> = async (app, { db, guard }) => {
  app.get(
    '/api/public/contact',
    { schema: { response: { 200: PublicContact } } },
    async (_request, reply) => {
      const practice = await findPortalPracticeOrNotFound(db)
      const clinicIds = await listVisibleClinicIds(db, practice.id)
      const [general, locations] = await Promise.all([
        contactDetails(db, practice.id, null),
        Promise.all(clinicIds.map((clinicId) => contactDetails(db, practice.id, clinicId))),
      ])
      reply.header('Cache-Control', 'no-cache')
      return { practice: general, locations }
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
