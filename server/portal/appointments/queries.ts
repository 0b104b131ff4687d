import { sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import { compiledQuery } from '../../platform/db/compiled.ts'
import type { Database } from '../../platform/db/database.ts'
import type { Dependency } from '../../platform/db/read-cache.ts'
import { findColumnsById, practiceRow } from '../../platform/db/rows.ts'
import { lockPatient, patientRows } from '../../practice/queries.ts'
import { PAST_PAGE_SIZE, type RecallFacts } from './rules.ts'

/** What providerName (view.ts) names a visit's or an open time's provider from. */
const PROVIDER_NAME_COLUMNS = [
  'providers.first_name as provider_first_name',
  'providers.last_name as provider_last_name',
  'providers.suffix as provider_suffix',
] as const

function appointmentsOf(db: Database, practiceId: number, patientId: number) {
  return patientRows(db, 'appointments', practiceId, patientId)
    .leftJoin('providers', 'providers.id', 'appointments.provider_id')
    .leftJoin('clinics', 'clinics.id', 'appointments.clinic_id')
    .select([
      'appointments.id',
      'appointments.starts_at',
      'appointments.length_minutes',
      'appointments.status',
      'appointments.confirmation',
      'appointments.confirmed_at',
      'appointments.procedure_description',
      ...PROVIDER_NAME_COLUMNS,
      'clinics.name as clinic_name',
      'clinics.address1 as clinic_address1',
      'clinics.address2 as clinic_address2',
      'clinics.city as clinic_city',
      'clinics.region as clinic_region',
      'clinics.postal_code as clinic_postal_code',
      'clinics.phone as clinic_phone',
      'clinics.time_zone as clinic_time_zone',
    ])
    .select((eb) =>
      // In the same round trip: a tab of 20 visits is one query, not one per visit.
      jsonArrayFrom(
        eb
          .selectFrom('appointment_procedures')
          .select(['code', 'description', 'tooth', 'surface'])
          .whereRef('appointment_procedures.appointment_id', '=', 'appointments.id')
          .whereRef('appointment_procedures.practice_id', '=', 'appointments.practice_id')
          .orderBy('appointment_procedures.id'),
      ).as('procedures'),
    )
}

export type AppointmentRow = NonNullable<Awaited<ReturnType<typeof findAppointment>>>

/**
 * The Appointments tab in one round trip: upcoming visits (scheduled, from `now` on, soonest
 * first), a page of past ones (completed, newest first, with one extra row that says whether
 * another page exists) and the patient's recalls.
 */
export const appointmentsTab = compiledQuery(
  (db, values: { practiceId: number; patientId: number; now: Date; offset: number }) =>
    db.selectNoFrom([
      jsonArrayFrom(
        appointmentsOf(db, values.practiceId, values.patientId)
          .where('appointments.status', '=', 'Scheduled')
          .where('appointments.starts_at', '>=', values.now)
          .orderBy('appointments.starts_at')
          .limit(100),
      ).as('upcoming'),
      jsonArrayFrom(
        appointmentsOf(db, values.practiceId, values.patientId)
          .where('appointments.status', '=', 'Complete')
          .orderBy('appointments.starts_at', 'desc')
          .orderBy('appointments.id', 'desc')
          .limit(PAST_PAGE_SIZE + 1)
          .offset(values.offset),
      ).as('past'),
      jsonArrayFrom(recallsOf(db, values.practiceId, values.patientId)).as('recalls'),
    ]),
)

/** What the Appointments tab is read from: a change to any of these drops a kept read. */
export function appointmentsTabDependencies(patientId: number): Dependency[] {
  return [
    ['appointments', patientId],
    ['appointment_procedures', patientId],
    ['recalls', patientId],
    ['providers'],
    ['clinics'],
    ['recall_types'],
  ]
}

export async function readAppointmentsTab(
  db: Database,
  practiceId: number,
  patientId: number,
  now: Date,
  page: number,
) {
  const offset = (page - 1) * PAST_PAGE_SIZE
  const found = await appointmentsTab.executeTakeFirst(db, { practiceId, patientId, now, offset })
  // JSON carries instants as ISO text; everything after this works with Dates.
  type Json = NonNullable<typeof found>
  const appointment = (row: Json['upcoming'][number]): AppointmentRow => ({
    ...row,
    starts_at: new Date(row.starts_at),
    confirmed_at: row.confirmed_at === null ? null : new Date(row.confirmed_at),
  })
  const recall = (row: Json['recalls'][number]): RecallRow => ({
    ...row,
    invited_at: row.invited_at === null ? null : new Date(row.invited_at),
  })
  return {
    upcoming: (found?.upcoming ?? []).map(appointment),
    past: (found?.past ?? []).map(appointment),
    recalls: (found?.recalls ?? []).map(recall),
  }
}

export async function findAppointment(
  db: Database,
  practiceId: number,
  patientId: number,
  appointmentId: number,
) {
  return appointmentsOf(db, practiceId, patientId)
    .where('appointments.id', '=', appointmentId)
    .executeTakeFirst()
}

export async function confirmAppointment(
  db: Database,
  appointmentId: number,
  portalUserId: number,
  now: Date,
) {
  await db
    .updateTable('appointments')
    .set({
      confirmation: 'Confirmed',
      confirmed_at: now,
      confirmed_by_portal_user_id: portalUserId,
      updated_at: now,
    })
    .where('id', '=', appointmentId)
    .execute()
}

function recallsOf(db: Database, practiceId: number, patientId: number) {
  return patientRows(db, 'recalls', practiceId, patientId)
    .innerJoin('recall_types', 'recall_types.id', 'recalls.recall_type_id')
    .select([
      'recalls.id',
      'recalls.date_due',
      'recalls.status',
      'recalls.invited_at',
      'recalls.web_sched_enabled',
      'recalls.scheduled_appointment_id',
      'recalls.recall_type_id',
      'recall_types.description',
      'recall_types.length_minutes',
      'recall_types.procedure_codes',
    ])
    .orderBy('recalls.date_due')
    .orderBy('recalls.id')
}

export function listRecalls(db: Database, practiceId: number, patientId: number) {
  return recallsOf(db, practiceId, patientId).execute()
}

export type RecallRow = Awaited<ReturnType<typeof listRecalls>>[number]

/** What the rules decide a recall on, from its row. */
export function recallFacts(recall: RecallRow): RecallFacts {
  return {
    status: recall.status,
    invitedAt: recall.invited_at,
    webSchedEnabled: recall.web_sched_enabled,
    scheduledAppointmentId: recall.scheduled_appointment_id,
  }
}

export async function findRecall(
  db: Database,
  practiceId: number,
  patientId: number,
  recallId: number,
) {
  const recalls = await listRecalls(db, practiceId, patientId)
  return recalls.find((recall) => recall.id === recallId)
}

/** Free open times for a recall type between two instants, by time, with clinic and provider. */
export async function listOpenTimes(
  db: Database,
  practiceId: number,
  recallTypeId: number,
  from: Date,
  until: Date,
) {
  return db
    .selectFrom('web_sched_open_times')
    .innerJoin('clinics', 'clinics.id', 'web_sched_open_times.clinic_id')
    .innerJoin('providers', 'providers.id', 'web_sched_open_times.provider_id')
    .select([
      'web_sched_open_times.id',
      'web_sched_open_times.starts_at',
      'web_sched_open_times.length_minutes',
      'web_sched_open_times.clinic_id',
      'web_sched_open_times.provider_id',
      'clinics.name as clinic_name',
      'clinics.time_zone as clinic_time_zone',
      ...PROVIDER_NAME_COLUMNS,
    ])
    .where('web_sched_open_times.practice_id', '=', practiceId)
    .where('web_sched_open_times.recall_type_id', '=', recallTypeId)
    .where('web_sched_open_times.booked_appointment_id', 'is', null)
    .where('web_sched_open_times.starts_at', '>', from)
    .where('web_sched_open_times.starts_at', '<', until)
    .orderBy('web_sched_open_times.starts_at')
    .orderBy('web_sched_open_times.id')
    .limit(300)
    .execute()
}

/** The patient's scheduled visits that have not ended by `from`: the chairs they sit in. */
export async function listOwnVisits(
  db: Database,
  practiceId: number,
  patientId: number,
  from: Date,
) {
  const rows = await patientRows(db, 'appointments', practiceId, patientId)
    .select(['starts_at', 'length_minutes'])
    .where('status', '=', 'Scheduled')
    .where(sql<Date>`starts_at + make_interval(mins => length_minutes)`, '>', from)
    .execute()
  return rows.map((row) => ({ startsAt: row.starts_at, lengthMinutes: row.length_minutes }))
}

/**
 * Holds the patient's row until the transaction ends, so that two bookings for one patient (two
 * tabs, two representatives) check their visits one after the other, each seeing the other's.
 */
export async function lockPatientForBooking(db: Database, practiceId: number, patientId: number) {
  if (!(await lockPatient(db, practiceId, patientId)))
    throw new Error('No such patient to book for.')
}

export async function findOpenTime(db: Database, practiceId: number, openTimeId: number) {
  return practiceRow(db, 'web_sched_open_times', practiceId, openTimeId)
    .selectAll()
    .executeTakeFirst()
}

/**
 * Takes the open time for a new appointment, only if it is still free. The conditional update is
 * the race's referee: of two patients booking the same time, exactly one changes a row.
 */
export async function claimOpenTime(db: Database, openTimeId: number, appointmentId: number) {
  const result = await db
    .updateTable('web_sched_open_times')
    .set({ booked_appointment_id: appointmentId })
    .where('id', '=', openTimeId)
    .where('booked_appointment_id', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function insertBookedAppointment(
  db: Database,
  booking: {
    practiceId: number
    patientId: number
    clinicId: number
    providerId: number
    startsAt: Date
    lengthMinutes: number
    description: string
  },
) {
  const row = await db
    .insertInto('appointments')
    .values({
      practice_id: booking.practiceId,
      patient_id: booking.patientId,
      clinic_id: booking.clinicId,
      provider_id: booking.providerId,
      starts_at: booking.startsAt,
      length_minutes: booking.lengthMinutes,
      status: 'Scheduled',
      confirmation: 'Confirmed',
      procedure_description: booking.description,
      booked_online: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** False when the recall was scheduled meanwhile (a second tab, another family member). */
export async function markRecallScheduled(db: Database, recallId: number, appointmentId: number) {
  const result = await db
    .updateTable('recalls')
    .set({ status: 'Scheduled', scheduled_appointment_id: appointmentId })
    .where('id', '=', recallId)
    .where('scheduled_appointment_id', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function findPracticeForCalendar(db: Database, practiceId: number) {
  return findColumnsById(db, 'practices', practiceId, ['name', 'slug', 'phone', 'time_zone'])
}
