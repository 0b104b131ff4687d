import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PortalGuard } from '../../platform/auth/portal-guard.ts'
import { portalAuditor } from '../audit-read.ts'
import { PatientParams } from '../params.ts'
import { tabServer } from '../serve-tab.ts'
import type { TabRouteOptions } from '../tab-routes.ts'
import { appointmentCalendarFile } from './add-to-calendar.ts'
import { bookRecall } from './book.ts'
import { confirmVisit } from './confirm.ts'
import { offeredOpenTimes } from './open-times.ts'
import {
  Appointment,
  AppointmentParams,
  AppointmentsView,
  Booking,
  OpenTimesView,
  PastQuery,
  RecallParams,
} from './schemas.ts'
import { appointmentView, keptAppointmentsTab, openTimeView } from './view.ts'

/** The Appointments tab: action needed, upcoming, past; confirm, book a recall, add to calendar. */
export const appointmentRoutes: FastifyPluginAsyncTypebox<TabRouteOptions> = async (
  app,
  { db, guard, reads },
) => {
  const serveTab = tabServer(db, reads)
  const access = (request: Parameters<PortalGuard['patient']>[0], patientId: number) =>
    guard.patient(request, patientId, 'appointments')

  app.get(
    '/api/portal/patients/:patientId/appointments',
    {
      schema: {
        params: PatientParams,
        querystring: PastQuery,
        response: { 200: AppointmentsView },
      },
    },
    async (request, reply) => {
      const patient = await access(request, request.params.patientId)
      const page = request.query.pastPage ?? 1
      return serveTab(request, reply, keptAppointmentsTab, {
        access: patient,
        query: page,
        context: { timeZone: patient.practice.time_zone, page },
      })
    },
  )

  app.post(
    '/api/portal/patients/:patientId/appointments/:appointmentId/confirm',
    { schema: { params: AppointmentParams, response: { 200: Appointment } } },
    async (request) => {
      const patient = await access(request, request.params.patientId)
      const row = await confirmVisit(db, patient, portalAuditor(request, patient), {
        appointmentId: request.params.appointmentId,
        now: new Date(),
      })
      return appointmentView(row, patient.practice.time_zone, new Date())
    },
  )

  app.get(
    '/api/portal/patients/:patientId/recalls/:recallId/open-times',
    { schema: { params: RecallParams, response: { 200: OpenTimesView } } },
    async (request, reply) => {
      const patient = await access(request, request.params.patientId)
      const rows = await offeredOpenTimes(db, patient, request.params.recallId, new Date())
      reply.header('Cache-Control', 'no-store')
      return rows.map(openTimeView)
    },
  )

  app.post(
    '/api/portal/patients/:patientId/recalls/:recallId/book',
    { schema: { params: RecallParams, body: Booking, response: { 201: Appointment } } },
    async (request, reply) => {
      const patient = await access(request, request.params.patientId)
      const row = await bookRecall(db, patient, portalAuditor(request, patient), {
        recallId: request.params.recallId,
        openTimeId: request.body.openTimeId,
        now: new Date(),
      })
      return reply.status(201).send(appointmentView(row, patient.practice.time_zone, new Date()))
    },
  )

  app.get(
    '/api/portal/patients/:patientId/appointments/:appointmentId/calendar.ics',
    { schema: { params: AppointmentParams } },
    async (request, reply) => {
      const patient = await access(request, request.params.patientId)
      const ics = await appointmentCalendarFile(db, patient, {
        appointmentId: request.params.appointmentId,
        timeZone: patient.practice.time_zone,
        now: new Date(),
      })
      return reply
        .header('Content-Type', 'text/calendar; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="appointment.ics"')
        .header('Cache-Control', 'no-store')
        .send(ics)
    },
  )
}
