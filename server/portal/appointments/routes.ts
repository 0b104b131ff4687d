import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { recordAudit } from '../../platform/audit/audit.ts'
import { clientAddress } from '../../platform/auth/client.ts'
import type { PortalGuard } from '../../platform/auth/portal-guard.ts'
import type { Database } from '../../platform/db/database.ts'
import type { ReadCache } from '../../platform/db/read-cache.ts'
import { Conflict, NotFound, Problem } from '../../platform/http/problems.ts'
import { queueSyncEvent } from '../../sync/outbox.ts'
import { auditPatientRead } from '../audit-read.ts'
import { sendKeptView } from '../kept-body.ts'
import { PatientParams } from '../params.ts'
import { appointmentIcs } from './calendar.ts'
import {
  appointmentsTabDependencies,
  claimOpenTime,
  confirmAppointment,
  findAppointment,
  findOpenTime,
  findPracticeForCalendar,
  findRecall,
  insertBookedAppointment,
  listOpenTimes,
  listOwnVisits,
  lockPatientForBooking,
  markRecallScheduled,
  readAppointmentsTab,
} from './queries.ts'
import {
  clashesWithOwnVisits,
  confirmDecision,
  isUpcoming,
  OPEN_TIME_WEEKS,
  PAST_PAGE_SIZE,
  recallNeedsScheduling,
  upcomingChangesAt,
} from './rules.ts'
import {
  Appointment,
  AppointmentParams,
  AppointmentsView,
  Booking,
  OpenTime,
  PastQuery,
  RecallParams,
} from './schemas.ts'
import { appointmentView, providerName } from './view.ts'

class OpenTimeTaken extends Problem {
  constructor() {
    super(
      409,
      'open-time-taken',
      'Just taken',
      'Someone booked this time a moment ago. Please choose another time.',
    )
  }
}

class ClashesWithOwnVisit extends Problem {
  constructor() {
    super(
      409,
      'time-clashes-with-visit',
      'You have a visit then',
      'You already have an appointment at this time. Please choose another time.',
    )
  }
}

/** The Appointments tab: action needed, upcoming, past; confirm, book a recall, add to calendar. */
export const appointmentRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: PortalGuard
  reads: ReadCache
}> = async (app, { db, guard, reads }) => {
  const access = (request: Parameters<PortalGuard['patient']>[0], patientId: number) =>
    guard.patient(request, patientId, 'appointments')

  const viewOne = (timeZone: string, row: Parameters<typeof appointmentView>[0]) =>
    appointmentView(row, timeZone, new Date())

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
      const practiceId = patient.user.practice_id
      const now = new Date()
      const page = request.query.pastPage ?? 1
      // The audit row is written alongside the reads; the answer waits for both.
      const [tab] = await Promise.all([
        reads.read(
          `appointments-tab:${practiceId}:${patient.patientId}:${page}`,
          () => readAppointmentsTab(db, practiceId, patient.patientId, now, page),
          () => appointmentsTabDependencies(patient.patientId),
        ),
        auditPatientRead(db, request, patient, 'appointments.viewed'),
      ])
      const timeZone = patient.practice.time_zone
      return sendKeptView(reply, AppointmentsView, tab, timeZone, now, () => {
        const { past, recalls } = tab
        // A kept read began its "upcoming" at the time it was read; this request's now is later.
        const upcoming = tab.upcoming.filter((row) => row.starts_at >= now)
        const view = (row: (typeof upcoming)[number]) => appointmentView(row, timeZone, now)
        const upcomingViews = upcoming.map(view)
        return {
          view: {
            actionNeeded: {
              confirmations: upcomingViews.filter((appointment) => appointment.canConfirm),
              recalls: recalls
                .filter((recall) =>
                  recallNeedsScheduling({
                    status: recall.status,
                    invitedAt: recall.invited_at,
                    webSchedEnabled: recall.web_sched_enabled,
                    scheduledAppointmentId: recall.scheduled_appointment_id,
                  }),
                )
                .map((recall) => ({
                  id: recall.id,
                  description: recall.description,
                  dueDate: recall.date_due,
                  lengthMinutes: recall.length_minutes,
                })),
            },
            upcoming: upcomingViews,
            past: {
              items: past.slice(0, PAST_PAGE_SIZE).map(view),
              page,
              hasMore: past.length > PAST_PAGE_SIZE,
            },
            timeZone,
          },
          // The first upcoming visit to begin leaves Upcoming (and can no longer be confirmed).
          changesAt: upcomingChangesAt(upcoming),
        }
      })
    },
  )

  app.post(
    '/api/portal/patients/:patientId/appointments/:appointmentId/confirm',
    { schema: { params: AppointmentParams, response: { 200: Appointment } } },
    async (request) => {
      const patient = await access(request, request.params.patientId)
      const practiceId = patient.user.practice_id
      const row = await findAppointment(
        db,
        practiceId,
        patient.patientId,
        request.params.appointmentId,
      )
      if (!row) throw new NotFound('No such appointment.')
      const now = new Date()
      const decision = confirmDecision(
        { status: row.status, confirmation: row.confirmation, startsAt: row.starts_at },
        now,
      )
      if (decision === 'not-upcoming') {
        throw new Conflict('Only upcoming appointments can be confirmed.')
      }
      if (decision === 'confirm') {
        await db.transaction().execute(async (trx) => {
          await confirmAppointment(trx, row.id, patient.user.id, now)
          await queueSyncEvent(trx, {
            practiceId,
            kind: 'appointment.confirmed',
            entityType: 'appointment',
            entityId: row.id,
            payload: { confirmedAt: now.toISOString(), portalUserId: patient.user.id },
          })
          await recordAudit(trx, {
            practiceId,
            actor: { type: 'portal_user', portalUserId: patient.user.id },
            action: 'appointment.confirmed',
            patientId: patient.patientId,
            targetType: 'appointment',
            targetId: row.id,
            ip: clientAddress(request),
          })
        })
      }
      const fresh = await findAppointment(db, practiceId, patient.patientId, row.id)
      if (!fresh) throw new NotFound('No such appointment.')
      return viewOne(patient.practice.time_zone, fresh)
    },
  )

  app.get(
    '/api/portal/patients/:patientId/recalls/:recallId/open-times',
    { schema: { params: RecallParams, response: { 200: Type.Array(OpenTime) } } },
    async (request, reply) => {
      const patient = await access(request, request.params.patientId)
      const practiceId = patient.user.practice_id
      const recall = await findRecall(db, practiceId, patient.patientId, request.params.recallId)
      if (!recall) throw new NotFound('No such recall.')
      const now = new Date()
      const until = new Date(now.getTime() + OPEN_TIME_WEEKS * 7 * 86_400_000)
      const [offered, own] = await Promise.all([
        listOpenTimes(db, practiceId, recall.recall_type_id, now, until),
        listOwnVisits(db, practiceId, patient.patientId, now),
      ])
      const rows = offered.filter(
        (row) =>
          !clashesWithOwnVisits(
            { startsAt: row.starts_at, lengthMinutes: row.length_minutes },
            own,
          ),
      )
      reply.header('Cache-Control', 'no-store')
      return rows.map((row) => ({
        id: row.id,
        startsAt: row.starts_at.toISOString(),
        lengthMinutes: row.length_minutes,
        clinic: {
          id: row.clinic_id,
          name: row.clinic_name,
          timeZone: row.clinic_time_zone ?? 'UTC',
        },
        provider: { id: row.provider_id, name: providerName(row) ?? '' },
      }))
    },
  )

  app.post(
    '/api/portal/patients/:patientId/recalls/:recallId/book',
    { schema: { params: RecallParams, body: Booking, response: { 201: Appointment } } },
    async (request, reply) => {
      const patient = await access(request, request.params.patientId)
      const practiceId = patient.user.practice_id
      const recall = await findRecall(db, practiceId, patient.patientId, request.params.recallId)
      if (!recall) throw new NotFound('No such recall.')
      if (
        !recallNeedsScheduling({
          status: recall.status,
          invitedAt: recall.invited_at,
          webSchedEnabled: recall.web_sched_enabled,
          scheduledAppointmentId: recall.scheduled_appointment_id,
        })
      ) {
        throw new Conflict('This recall is already scheduled.')
      }
      const openTime = await findOpenTime(db, practiceId, request.body.openTimeId)
      const now = new Date()
      if (!openTime || openTime.recall_type_id !== recall.recall_type_id) {
        throw new NotFound('No such open time.')
      }
      // Whether it is still free is decided by the claim below, never by this read.
      if (openTime.starts_at <= now) throw new OpenTimeTaken()
      const time = { startsAt: openTime.starts_at, lengthMinutes: openTime.length_minutes }
      const appointmentId = await db.transaction().execute(async (trx) => {
        await lockPatientForBooking(trx, practiceId, patient.patientId)
        if (
          clashesWithOwnVisits(time, await listOwnVisits(trx, practiceId, patient.patientId, now))
        ) {
          throw new ClashesWithOwnVisit()
        }
        const id = await insertBookedAppointment(trx, {
          practiceId,
          patientId: patient.patientId,
          clinicId: openTime.clinic_id,
          providerId: openTime.provider_id,
          startsAt: openTime.starts_at,
          lengthMinutes: openTime.length_minutes,
          description: recall.description,
        })
        if (!(await claimOpenTime(trx, openTime.id, id))) throw new OpenTimeTaken()
        if (!(await markRecallScheduled(trx, recall.id, id))) {
          throw new Conflict('This recall is already scheduled.')
        }
        await queueSyncEvent(trx, {
          practiceId,
          kind: 'appointment.booked',
          entityType: 'appointment',
          entityId: id,
          payload: { recallId: recall.id, openTimeId: openTime.id, portalUserId: patient.user.id },
        })
        await recordAudit(trx, {
          practiceId,
          actor: { type: 'portal_user', portalUserId: patient.user.id },
          action: 'appointment.booked',
          patientId: patient.patientId,
          targetType: 'appointment',
          targetId: id,
          ip: clientAddress(request),
        })
        return id
      })
      const row = await findAppointment(db, practiceId, patient.patientId, appointmentId)
      if (!row) throw new NotFound('No such appointment.')
      return reply.status(201).send(viewOne(patient.practice.time_zone, row))
    },
  )

  app.get(
    '/api/portal/patients/:patientId/appointments/:appointmentId/calendar.ics',
    { schema: { params: AppointmentParams } },
    async (request, reply) => {
      const patient = await access(request, request.params.patientId)
      const practiceId = patient.user.practice_id
      const row = await findAppointment(
        db,
        practiceId,
        patient.patientId,
        request.params.appointmentId,
      )
      if (!row) throw new NotFound('No such appointment.')
      if (
        !isUpcoming(
          { status: row.status, confirmation: row.confirmation, startsAt: row.starts_at },
          new Date(),
        )
      ) {
        throw new Conflict('Only upcoming appointments can be added to a calendar.')
      }
      const practice = await findPracticeForCalendar(db, practiceId)
      const view = viewOne(patient.practice.time_zone, row)
      const ics = appointmentIcs({
        id: row.id,
        practiceSlug: practice.slug,
        startsAt: row.starts_at,
        lengthMinutes: row.length_minutes,
        practiceName: practice.name,
        location: [view.clinic?.name, ...(view.clinic?.addressLines ?? [])]
          .filter(Boolean)
          .join(', '),
        phone: view.clinic?.phone ?? practice.phone,
      })
      return reply
        .header('Content-Type', 'text/calendar; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="appointment.ics"')
        .header('Cache-Control', 'no-store')
        .send(ics)
    },
  )
}
