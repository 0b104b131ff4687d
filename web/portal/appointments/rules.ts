import type { Static } from 'typebox'
import type * as schemas from '../../../server/portal/appointments/schemas.ts'
import { calendarDayIn } from '../../ui/i18n/format.ts'
import type { MessageId, Translate } from '../../ui/i18n/i18n.tsx'

export type Appointment = Static<typeof schemas.Appointment>
export type AppointmentsView = Static<typeof schemas.AppointmentsView>
export type OpenTime = Static<typeof schemas.OpenTime>
export type Recall = Static<typeof schemas.RecallNotice>

export interface OpenTimeDay {
  /** YYYY-MM-DD on the clinic's calendar. */
  day: string
  /** An instant on that day, to format the heading from. */
  firstStartsAt: string
  /** The zone the day is counted in (the first open time's clinic's). */
  timeZone: string
  times: OpenTime[]
}

/**
 * Open times grouped by the day they fall on in their clinic's time zone, soonest first, times
 * within a day in order. A time at 8 p.m. in Chicago belongs to that day, not to the next one
 * in UTC.
 */
export function groupOpenTimesByDay(openTimes: readonly OpenTime[]): OpenTimeDay[] {
  const sorted = [...openTimes].sort(
    (a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.id - b.id,
  )
  const days = new Map<string, OpenTimeDay>()
  for (const time of sorted) {
    const day = calendarDayIn(time.startsAt, time.clinic.timeZone)
    const group = days.get(day)
    if (group) group.times.push(time)
    else {
      days.set(day, {
        day,
        firstStartsAt: time.startsAt,
        timeZone: time.clinic.timeZone,
        times: [time],
      })
    }
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day))
}

/** The view with one appointment replaced by its fresh copy (after Confirm), in every list. */
export function replaceAppointment(view: AppointmentsView, fresh: Appointment): AppointmentsView {
  const swap = (list: Appointment[]) => list.map((item) => (item.id === fresh.id ? fresh : item))
  return {
    ...view,
    actionNeeded: { ...view.actionNeeded, confirmations: swap(view.actionNeeded.confirmations) },
    upcoming: swap(view.upcoming),
    past: { ...view.past, items: swap(view.past.items) },
  }
}

/** Past appointments from every page loaded so far, without repeats, newest first as sent. */
export function pastFromPages(pages: readonly AppointmentsView[]): Appointment[] {
  const seen = new Set<number>()
  const items: Appointment[] = []
  for (const page of pages) {
    for (const item of page.past.items) {
      if (seen.has(item.id)) continue
      seen.add(item.id)
      items.push(item)
    }
  }
  return items
}

/** How the confirmation status reads to a patient. */
export function confirmationLabel(confirmation: Appointment['confirmation']): MessageId {
  switch (confirmation) {
    case 'Confirmed':
      return 'appointments.confirmed'
    case 'AwaitingConfirmation':
      return 'appointments.pleaseConfirm'
    case 'Unconfirmed':
      return 'appointments.notConfirmed'
  }
}

/** One line per procedure: "Crown – porcelain (tooth 19)", "Filling (tooth 30, surface O)". */
export function procedureLine(procedure: Appointment['procedures'][number], t: Translate): string {
  const where = [
    procedure.tooth ? t('appointments.tooth', { tooth: procedure.tooth }) : null,
    procedure.surface ? t('appointments.surface', { surface: procedure.surface }) : null,
  ].filter(Boolean)
  return where.length > 0
    ? t('appointments.procedureWhere', {
        description: procedure.description,
        where: where.join(', '),
      })
    : procedure.description
}

/** What is planned or was done: the procedures, else the office's reason, else nothing. */
export function whatIsPlanned(appointment: Appointment, t: Translate): string[] {
  if (appointment.procedures.length > 0) {
    return appointment.procedures.map((procedure) => procedureLine(procedure, t))
  }
  return appointment.reason ? [appointment.reason] : []
}

/** The time zone to show an appointment in: its clinic's, else the practice's. */
export function zoneOf(appointment: Appointment, practiceTimeZone: string): string {
  return appointment.clinic?.timeZone ?? practiceTimeZone
}
