import type {
  AppointmentStatus,
  ConfirmationStatus,
  RecallStatus,
} from '../../platform/db/schema.ts'

/** Past appointments come 20 at a time, newest first. */
export const PAST_PAGE_SIZE = 20
/** How far ahead Web Sched offers open times. */
export const OPEN_TIME_WEEKS = 4

export interface AppointmentFacts {
  status: AppointmentStatus
  confirmation: ConfirmationStatus
  startsAt: Date
}

/** Scheduled and not yet begun: broken, cancelled (unscheduled) and planned ones are not upcoming. */
export function isUpcoming(appointment: AppointmentFacts, now: Date): boolean {
  return appointment.status === 'Scheduled' && appointment.startsAt >= now
}

/**
 * The first instant at which a list of upcoming visits would read differently: just after the
 * soonest one begins, it is no longer upcoming. Infinity for none.
 */
export function upcomingChangesAt(upcoming: readonly { starts_at: Date }[]): number {
  let soonest = Infinity
  for (const row of upcoming) soonest = Math.min(soonest, row.starts_at.getTime())
  return soonest + 1
}

export function needsConfirmation(appointment: AppointmentFacts, now: Date): boolean {
  return isUpcoming(appointment, now) && appointment.confirmation === 'AwaitingConfirmation'
}

export type ConfirmDecision = 'confirm' | 'already-confirmed' | 'not-upcoming'

/** Confirming twice is harmless; a past, broken or cancelled appointment cannot be confirmed. */
export function confirmDecision(appointment: AppointmentFacts, now: Date): ConfirmDecision {
  if (!isUpcoming(appointment, now)) return 'not-upcoming'
  if (appointment.confirmation === 'Confirmed') return 'already-confirmed'
  return 'confirm'
}

export interface RecallFacts {
  status: RecallStatus
  invitedAt: Date | null
  webSchedEnabled: boolean
  scheduledAppointmentId: number | null
}

/** A Web Sched Recall notice: due, the patient was invited, and nothing is scheduled yet. */
export function recallNeedsScheduling(recall: RecallFacts): boolean {
  if (!recall.webSchedEnabled || recall.scheduledAppointmentId !== null) return false
  return recall.status === 'Invited' || (recall.status === 'Due' && recall.invitedAt !== null)
}

export interface Visit {
  startsAt: Date
  lengthMinutes: number
}

function endOf(visit: Visit): number {
  return visit.startsAt.getTime() + visit.lengthMinutes * 60_000
}

/** Whether two visits share a minute; one ending as the other begins does not. */
export function overlaps(a: Visit, b: Visit): boolean {
  return a.startsAt.getTime() < endOf(b) && b.startsAt.getTime() < endOf(a)
}

/** A patient cannot be in two chairs: a time is offered only beside their own visits. */
export function clashesWithOwnVisits(time: Visit, own: readonly Visit[]): boolean {
  return own.some((visit) => overlaps(time, visit))
}

/** What a recall's procedures are for, in a patient's words (CDT codes the PMS lists). */
const PLAIN_RECALLS: readonly [RegExp, string][] = [
  [/\bD4910\b/, 'Gum care cleaning (periodontal maintenance)'],
  [/\bD11(10|20)\b/, 'Cleaning and check-up'],
  [/\bD02(72|73|74)\b/, 'Bitewing X-rays'],
  [/\bD0330\b/, 'Panoramic X-ray'],
]

/**
 * A recall type as a patient understands it: the PMS's shorthand ("Prophy", "4BWX") says what
 * the office does; the procedure codes tell the plain name. The office's own words otherwise.
 */
export function recallInPlainWords(description: string, procedureCodes: string | null): string {
  for (const [codes, words] of PLAIN_RECALLS) if (codes.test(procedureCodes ?? '')) return words
  return description
}
