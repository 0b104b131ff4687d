import type { Static } from 'typebox'
import { addressLines } from '../../practice/rules.ts'
import type { KeptView } from '../kept-body.ts'
import { keptTab, type TabRead } from '../serve-tab.ts'
import {
  type AppointmentRow,
  appointmentsTabDependencies,
  type listOpenTimes,
  readAppointmentsTab,
  recallFacts,
} from './queries.ts'
import {
  needsConfirmation,
  PAST_PAGE_SIZE,
  recallInPlainWords,
  recallNeedsScheduling,
  upcomingChangesAt,
} from './rules.ts'
import { AppointmentsView, type OpenTime } from './schemas.ts'

export function providerName(row: {
  provider_first_name: string | null
  provider_last_name: string | null
  provider_suffix: string | null
}): string | null {
  if (!row.provider_last_name) return null
  const name = `${row.provider_first_name ?? ''} ${row.provider_last_name}`.trim()
  return row.provider_suffix ? `${name}, ${row.provider_suffix}` : name
}

export function appointmentView(row: AppointmentRow, practiceTimeZone: string, now: Date) {
  const facts = { status: row.status, confirmation: row.confirmation, startsAt: row.starts_at }
  return {
    id: row.id,
    startsAt: row.starts_at.toISOString(),
    lengthMinutes: row.length_minutes,
    status: row.status,
    confirmation: row.confirmation,
    provider: providerName(row),
    clinic: row.clinic_name
      ? {
          name: row.clinic_name,
          addressLines: addressLines({
            address1: row.clinic_address1,
            address2: row.clinic_address2,
            city: row.clinic_city,
            region: row.clinic_region,
            postal_code: row.clinic_postal_code,
          }),
          phone: row.clinic_phone,
          timeZone: row.clinic_time_zone ?? practiceTimeZone,
        }
      : null,
    procedures: row.procedures,
    reason: row.procedure_description,
    canConfirm: needsConfirmation(facts, now),
  }
}

type AppointmentsTab = Awaited<ReturnType<typeof readAppointmentsTab>>
type OpenTimeRow = Awaited<ReturnType<typeof listOpenTimes>>[number]

/**
 * The Appointments tab from its rows: what needs the patient (confirmations, recalls to book),
 * upcoming visits, and a page of past ones; with when it would read differently by itself.
 */
export function appointmentsTabView(
  tab: AppointmentsTab,
  context: { timeZone: string; page: number },
  now: Date,
): KeptView<Static<typeof AppointmentsView>> {
  const { timeZone, page } = context
  // A kept read began its "upcoming" at the time it was read; this request's now is later.
  const upcoming = tab.upcoming.filter((row) => row.starts_at >= now)
  const view = (row: AppointmentRow) => appointmentView(row, timeZone, now)
  const upcomingViews = upcoming.map(view)
  return {
    view: {
      actionNeeded: {
        confirmations: upcomingViews.filter((appointment) => appointment.canConfirm),
        recalls: tab.recalls
          .filter((recall) => recallNeedsScheduling(recallFacts(recall)))
          .map((recall) => ({
            id: recall.id,
            description: recallInPlainWords(recall.description, recall.procedure_codes),
            dueDate: recall.date_due,
            lengthMinutes: recall.length_minutes,
          })),
      },
      upcoming: upcomingViews,
      past: {
        items: tab.past.slice(0, PAST_PAGE_SIZE).map(view),
        page,
        hasMore: tab.past.length > PAST_PAGE_SIZE,
      },
      timeZone,
    },
    // The first upcoming visit to begin leaves Upcoming (and can no longer be confirmed).
    changesAt: upcomingChangesAt(upcoming),
  }
}

export function openTimeView(row: OpenTimeRow): Static<typeof OpenTime> {
  return {
    id: row.id,
    startsAt: row.starts_at.toISOString(),
    lengthMinutes: row.length_minutes,
    clinic: { id: row.clinic_id, name: row.clinic_name, timeZone: row.clinic_time_zone ?? 'UTC' },
    provider: { id: row.provider_id, name: providerName(row) ?? '' },
  }
}

/** Where the visit is, for a calendar entry: the clinic's name and address on one line. */
export function calendarLocation(appointment: ReturnType<typeof appointmentView>): string {
  return [appointment.clinic?.name, ...(appointment.clinic?.addressLines ?? [])]
    .filter(Boolean)
    .join(', ')
}

/** The Appointments tab as a kept read: one page of past visits per key. */
export const keptAppointmentsTab = keptTab({
  name: 'appointments-tab',
  action: 'appointments.viewed',
  schema: AppointmentsView,
  load: (db, { practiceId, patientId, query: page, now }: TabRead<number>) =>
    readAppointmentsTab(db, practiceId, patientId, now, page),
  dependsOn: appointmentsTabDependencies,
  present: appointmentsTabView,
})
