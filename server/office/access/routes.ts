import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { Database } from '../../platform/db/database.ts'
import type { SecretBox } from '../../platform/mail/secrets.ts'
import { findPracticeName } from '../../practice/queries.ts'
import type { StaffGuard } from '../../practice/staff-permissions.ts'
import { actingStaff } from '../staff-audit.ts'
import {
  grantPortalAccess,
  removePortalAccess,
  resetPortalPassword,
  unlockPortalVerification,
} from './commands.ts'
import { emailInvitation, printAccessLetter } from './hand-over.ts'
import { findPatientAccessOrNotFound, searchPatients } from './queries.ts'
import {
  GrantAccess,
  IssuedCredentials,
  OneTimePassword,
  PatientIdParams,
  PatientSearch,
  PatientWithAccess,
} from './schemas.ts'
import { resetSecondFactor } from './second-factor-reset.ts'
import { presentPatientAccess } from './view.ts'

/** Patient Portal Access: give, reset, print, email and remove patients' online access. */
export const accessRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: StaffGuard
  publicUrl: string
  secrets: SecretBox
}> = async (app, { db, guard, publicUrl, secrets }) => {
  const portalUrl = `${publicUrl}/`
  const signedIn = (request: FastifyRequest) => actingStaff(guard, request, 'access.manage')
  const presentCurrent = async (practiceId: number, patientId: number) =>
    presentPatientAccess(await findPatientAccessOrNotFound(db, practiceId, patientId), new Date())

  // A POST, so names and birthdates never sit in URLs, logs or browser history.
  app.post(
    '/api/office/patients/search',
    { schema: { body: PatientSearch, response: { 200: Type.Array(PatientWithAccess) } } },
    async (request, reply) => {
      const { staff } = await signedIn(request)
      reply.header('Cache-Control', 'no-store')
      if (!request.body.name?.trim() && !request.body.birthdate) return []
      const rows = await searchPatients(db, staff.practice_id, request.body)
      const now = new Date()
      return rows.map((row) => presentPatientAccess(row, now))
    },
  )

  app.get(
    '/api/office/patients/:patientId/access',
    { schema: { params: PatientIdParams, response: { 200: PatientWithAccess } } },
    async (request) => {
      const { staff } = await signedIn(request)
      return presentCurrent(staff.practice_id, request.params.patientId)
    },
  )

  app.post(
    '/api/office/patients/:patientId/access',
    {
      schema: { params: PatientIdParams, body: GrantAccess, response: { 201: IssuedCredentials } },
    },
    async (request, reply) => {
      const { staff, audit } = await signedIn(request)
      const { patientId } = request.params
      const issued = await grantPortalAccess(db, staff, audit, { patientId, ...request.body })
      return reply.status(201).send(issued)
    },
  )

  app.post(
    '/api/office/patients/:patientId/access/reset',
    { schema: { params: PatientIdParams, response: { 200: IssuedCredentials } } },
    async (request) => {
      const { staff, audit } = await signedIn(request)
      return resetPortalPassword(db, staff, audit, request.params)
    },
  )

  app.post(
    '/api/office/patients/:patientId/access/unlock',
    { schema: { params: PatientIdParams, response: { 200: PatientWithAccess } } },
    async (request) => {
      const { staff, audit } = await signedIn(request)
      await unlockPortalVerification(db, staff, audit, request.params)
      return presentCurrent(staff.practice_id, request.params.patientId)
    },
  )

  app.post(
    '/api/office/patients/:patientId/access/second-factor-reset',
    { schema: { params: PatientIdParams, response: { 200: PatientWithAccess } } },
    async (request) => {
      const { staff, audit } = await signedIn(request)
      const practiceName = await findPracticeName(db, staff.practice_id)
      await resetSecondFactor(db, { ...staff, practiceName }, audit, request.params)
      return presentCurrent(staff.practice_id, request.params.patientId)
    },
  )

  app.delete(
    '/api/office/patients/:patientId/access',
    { schema: { params: PatientIdParams } },
    async (request, reply) => {
      const { staff, audit } = await signedIn(request)
      await removePortalAccess(db, staff, audit, request.params)
      return reply.status(204).send()
    },
  )

  app.post(
    '/api/office/patients/:patientId/access/letter',
    { schema: { params: PatientIdParams, body: OneTimePassword } },
    async (request, reply) => {
      const { staff, audit } = await signedIn(request)
      const handOver = { ...request.params, ...request.body, portalUrl }
      const pdf = await printAccessLetter(db, staff, audit, handOver)
      return reply
        .header('Content-Type', 'application/pdf')
        .header('Content-Disposition', 'inline; filename="portal-access-letter.pdf"')
        .header('Cache-Control', 'no-store')
        .send(pdf)
    },
  )

  app.post(
    '/api/office/patients/:patientId/access/invitation',
    { schema: { params: PatientIdParams, body: OneTimePassword } },
    async (request, reply) => {
      const { staff, audit } = await signedIn(request)
      const handOver = { ...request.params, ...request.body, portalUrl }
      await emailInvitation(db, staff, audit, secrets, handOver)
      return reply.status(202).send({ message: 'The invitation is on its way.' })
    },
  )
}
