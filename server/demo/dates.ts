/**
 * Calendar arithmetic on `YYYY-MM-DD` strings and clinic-local times. Everything the demo dates
 * is derived from one `today`, so the data never goes stale, and from whole days and minutes,
 * so the same seed gives the same rows whatever the machine's own time zone.
 */
import { offsetMinutes } from '../ccd/time.ts'

export type CalendarDate = string

const DAY_MS = 86_400_000

export function calendarDateIn(instant: Date, timeZone: string): CalendarDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant)
}

function toUtcMs(date: CalendarDate): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return Date.UTC(year, month - 1, day)
}

function fromUtcMs(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10)
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS)
}

/** Month arithmetic that clamps to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const target = new Date(Date.UTC(year, month - 1 + months, 1))
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate()
  target.setUTCDate(Math.min(day, lastDay))
  return fromUtcMs(target.getTime())
}

export function addYears(date: CalendarDate, years: number): CalendarDate {
  return addMonths(date, years * 12)
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS)
}

/** 0 = Sunday, as in business_hours.weekday. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(toUtcMs(date)).getUTCDay()
}

/** Whole years from `birthdate` to `on`. */
export function ageOn(birthdate: CalendarDate, on: CalendarDate): number {
  const [by, bm, bd] = birthdate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = on.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/**
 * Turns clinic-local wall time into an instant. The UTC offset is the one at noon (the care
 * summary's cached lookup): clinics open well after the 2 a.m. daylight-saving switch, so
 * noon's offset holds for every appointment of that day.
 */
export class ClinicClock {
  constructor(readonly timeZone: string) {}

  at(date: CalendarDate, minutesAfterMidnight: number): Date {
    const noonUtc = toUtcMs(date) + 12 * 3_600_000
    const offset = offsetMinutes(noonUtc, this.timeZone)
    return new Date(toUtcMs(date) + (minutesAfterMidnight - offset) * 60_000)
  }
}
