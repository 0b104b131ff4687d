import { preferredLocales } from './locale.ts'

type Locales = readonly string[]

/**
 * A day on the calendar, numeric and in the reader's order: 07/03/2025 in English (Canada),
 * 03/07/2025 in English (US), 07.03.2025 in German. `timeZone` decides which day an instant
 * falls on; leave it out to use the browser's.
 */
export function formatDate(
  date: Date | string,
  locales: Locales = preferredLocales(),
  timeZone?: string,
): string {
  const formatter = new Intl.DateTimeFormat(locales, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  })
  const instant = toDate(date)
  if (!writesCanadianEnglish(formatter)) return formatter.format(instant)
  // Intl's en-CA numeric date is ISO (yyyy-mm-dd), but English Canadians read dd/mm/yyyy, and
  // that is what the practice's own software (Open Dental) shows them.
  const part = partsOf(formatter, instant)
  return `${part.day}/${part.month}/${part.year}`
}

/**
 * A date with no time of day (a birthdate, a statement date), as the API sends it:
 * `YYYY-MM-DD`. It is the same day everywhere, so it is never shifted into a time zone.
 */
export function formatCalendarDate(isoDate: string, locales: Locales = preferredLocales()): string {
  return formatDate(calendarDateToInstant(isoDate), locales, 'UTC')
}

/** The time of day of an instant, with the reader's clock (12- or 24-hour). */
export function formatTime(
  date: Date | string,
  locales: Locales = preferredLocales(),
  timeZone?: string,
): string {
  return new Intl.DateTimeFormat(locales, {
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(toDate(date))
}

/** An instant as date and time, e.g. for an appointment: "07/03/2025, 2:30 p.m." in en-CA. */
export function formatDateTime(
  date: Date | string,
  locales: Locales = preferredLocales(),
  timeZone?: string,
): string {
  return `${formatDate(date, locales, timeZone)}, ${formatTime(date, locales, timeZone)}`
}

/** An amount the API gives in integer cents (minor units), in the practice's currency. */
export function formatMoney(
  cents: number,
  currency: string,
  locales: Locales = preferredLocales(),
): string {
  const formatter = new Intl.NumberFormat(locales, { style: 'currency', currency })
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2
  return formatter.format(cents / 10 ** digits)
}

function toDate(date: Date | string): Date {
  const instant = typeof date === 'string' ? new Date(date) : date
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a date: ${String(date)}`)
  return instant
}

function calendarDateToInstant(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${isoDate}`)
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
}

function writesCanadianEnglish(formatter: Intl.DateTimeFormat): boolean {
  const locale = new Intl.Locale(formatter.resolvedOptions().locale)
  return locale.language === 'en' && locale.region === 'CA'
}

function partsOf(formatter: Intl.DateTimeFormat, instant: Date): Record<string, string> {
  const parts: Record<string, string> = {}
  for (const { type, value } of formatter.formatToParts(instant)) parts[type] = value
  return parts
}
