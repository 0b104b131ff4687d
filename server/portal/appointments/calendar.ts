import { createRequire } from 'node:module'

export interface CalendarAppointment {
  id: number
  practiceSlug: string
  startsAt: Date
  lengthMinutes: number
  practiceName: string
  location: string
  phone: string | null
}

/**
 * An .ics event for "Add to calendar". Times are UTC instants, which every calendar shows in the
 * reader's own zone; no procedures or notes (no health details leave through calendar sync).
 */
export function appointmentIcs(appointment: CalendarAppointment): string {
  const start = appointment.startsAt
  // ics and its validator load with the first calendar event, not at every start.
  const { createEvent } = createRequire(import.meta.url)('ics') as typeof import('ics')
  const { error, value } = createEvent({
    uid: `appointment-${appointment.id}@${appointment.practiceSlug}.bitewing`,
    start: start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: appointment.lengthMinutes },
    title: `Dental appointment – ${appointment.practiceName}`,
    location: appointment.location,
    description: appointment.phone
      ? `To change this appointment, call ${appointment.phone}.`
      : undefined,
    productId: 'bitewing/portal',
    calName: appointment.practiceName,
  })
  if (error || !value) throw error ?? new Error('Could not build the calendar event')
  return value
}
