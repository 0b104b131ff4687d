/**
 * HL7 v3 TS values. C-CDA R2.1 (US Realm Date and Time) asks for day precision at least and a
 * time zone offset whenever a value is more precise than the day, so calendar dates (birthdates,
 * `date` columns) are written as YYYYMMDD and instants as YYYYMMDDHHMMSS±HHMM in the practice's
 * time zone.
 */

import { formatterPer } from './formatters.ts'
import type { CalendarDate, Instant } from './input.ts'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

// The parts of a date DATE has matched, by position: a test and slices cost less than the
// match array of `exec` (a document converts a few hundred dates).
const year = (date: string) => date.slice(0, 4)
const month = (date: string) => date.slice(5, 7)
const day = (date: string) => date.slice(8, 10)

/** 'YYYY-MM-DD' (or a Date, read as a UTC calendar date) → 'YYYYMMDD'. */
export function hl7Date(value: CalendarDate | Date): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10).replaceAll('-', '')
  if (!DATE.test(value)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${value}`)
  return year(value) + month(value) + day(value)
}

const formatterFor = formatterPer(
  (timeZone) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }),
)

// Offsets only change on quarter-hour boundaries, so one Intl call per 15-minute bucket is
// enough; Intl is the slowest step of building a document otherwise.
const QUARTER_HOUR = 15 * 60 * 1000
// Per time zone, by quarter-hour bucket: a number key spares building a string per lookup.
const offsets = new Map<string, Map<number, number>>()
let cachedOffsets = 0

/** Minutes east of UTC of `timeZone` at the instant `ms`. */
export function offsetMinutes(ms: number, timeZone: string): number {
  const bucket = Math.floor(ms / QUARTER_HOUR)
  let zone = offsets.get(timeZone)
  if (zone === undefined) {
    zone = new Map()
    offsets.set(timeZone, zone)
  }
  const cached = zone.get(bucket)
  if (cached !== undefined) return cached
  const parts: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  const asUtc = Date.UTC(
    parts.year as number,
    (parts.month as number) - 1,
    parts.day as number,
    parts.hour as number,
    parts.minute as number,
    parts.second as number,
  )
  const offset = Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000)
  if (++cachedOffsets > 10_000) {
    offsets.clear()
    cachedOffsets = 1
    zone = new Map()
    offsets.set(timeZone, zone)
  }
  zone.set(bucket, offset)
  return offset
}

/** '00' to '99': the two-digit fields of a TS, without formatting a number each time. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'))

function pad(value: number, width = 2): string {
  if (width === 2 && value < 100) return TWO_DIGITS[value] as string
  return String(value).padStart(width, '0')
}

export function toMs(value: Instant): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value)
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${String(value)}`)
  return ms
}

/** An instant → 'YYYYMMDDHHMMSS±HHMM', the wall-clock time in `timeZone` with its offset. */
export function hl7Instant(value: Instant, timeZone: string): string {
  const ms = toMs(value)
  const offset = offsetMinutes(ms, timeZone)
  const local = new Date(ms + offset * 60000)
  const sign = offset < 0 ? '-' : '+'
  const absolute = Math.abs(offset)
  return (
    pad(local.getUTCFullYear(), 4) +
    pad(local.getUTCMonth() + 1) +
    pad(local.getUTCDate()) +
    pad(local.getUTCHours()) +
    pad(local.getUTCMinutes()) +
    pad(local.getUTCSeconds()) +
    sign +
    pad(Math.floor(absolute / 60)) +
    pad(absolute % 60)
  )
}

/** The calendar date of an instant in `timeZone`, as 'YYYY-MM-DD'. */
export function localDate(value: Instant, timeZone: string): CalendarDate {
  const ms = toMs(value)
  const local = new Date(ms + offsetMinutes(ms, timeZone) * 60000)
  return local.toISOString().slice(0, 10)
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/**
 * Human-readable date for the narrative. The narrative is the document's own text (the portal
 * formats dates per locale when it renders), so it uses an unambiguous month name.
 */
export function readableDate(value: CalendarDate): string {
  if (!DATE.test(value)) return value
  return `${MONTHS[Number(month(value)) - 1]} ${Number(day(value))}, ${year(value)}`
}

/** Readable local date and time with the offset, e.g. "March 3, 2025 14:05 (UTC-05:00)". */
export function readableInstant(value: Instant, timeZone: string): string {
  const ts = hl7Instant(value, timeZone)
  const date = `${ts.slice(0, 4)}-${ts.slice(4, 6)}-${ts.slice(6, 8)}`
  return `${readableDate(date)} ${ts.slice(8, 10)}:${ts.slice(10, 12)} (UTC${ts.slice(14, 17)}:${ts.slice(17, 19)})`
}
