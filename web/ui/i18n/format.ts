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

/**
 * The time of day of an instant, with the reader's clock (12- or 24-hour); `seconds` where two
 * things made in the same minute must be told apart.
 */
export function formatTime(
  date: Date | string,
  locales: Locales = preferredLocales(),
  timeZone?: string,
  { seconds = false }: { seconds?: boolean } = {},
): string {
  return new Intl.DateTimeFormat(locales, {
    hour: 'numeric',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    ...(timeZone ? { timeZone } : {}),
  }).format(toDate(date))
}

/** An instant as date and time, e.g. for an appointment: "07/03/2025, 2:30 p.m." in en-CA. */
export function formatDateTime(
  date: Date | string,
  locales: Locales = preferredLocales(),
  timeZone?: string,
  options: { seconds?: boolean } = {},
): string {
  return `${formatDate(date, locales, timeZone)}, ${formatTime(date, locales, timeZone, options)}`
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

/** A day of the week by number (0 = Sunday … 6 = Saturday, as the API sends it): "Monday". */
export function formatWeekday(weekday: number, locales: Locales = preferredLocales()): string {
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
    throw new RangeError(`Not a weekday (0–6): ${weekday}`)
  }
  // 4 January 1970 was a Sunday.
  return new Intl.DateTimeFormat(locales, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(1970, 0, 4 + weekday)),
  )
}

/**
 * A time on the wall clock with no date or zone (business hours, `HH:MM`), with the reader's
 * clock: "8:00 AM" in English (US), "08:00" in German.
 */
export function formatClockTime(hourMinute: string, locales: Locales = preferredLocales()): string {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hourMinute)
  if (!match) throw new RangeError(`Not a time (HH:MM): ${hourMinute}`)
  return formatTime(
    new Date(Date.UTC(1970, 0, 1, Number(match[1]), Number(match[2]))),
    locales,
    'UTC',
  )
}

/** A time span on the wall clock, "8:00 AM – 5:00 PM", with the locale's own range dash. */
export function formatClockRange(
  opens: string,
  closes: string,
  locales: Locales = preferredLocales(),
): string {
  return `${formatClockTime(opens, locales)} – ${formatClockTime(closes, locales)}`
}

/** A time zone's everyday name, "Central Time", or undefined when Intl has none. */
export function formatTimeZoneName(
  timeZone: string,
  locales: Locales = preferredLocales(),
): string | undefined {
  try {
    const parts = new Intl.DateTimeFormat(locales, {
      timeZone,
      timeZoneName: 'longGeneric',
    }).formatToParts(new Date())
    return parts.find((part) => part.type === 'timeZoneName')?.value
  } catch {
    return undefined
  }
}

/**
 * The first day of the week where the reader lives (0 = Sunday … 6 = Saturday): Sunday in the
 * US and Canada, Monday in most of Europe. Monday when the browser cannot say.
 */
export function firstDayOfWeek(locales: Locales = preferredLocales()): number {
  try {
    const locale = new Intl.Locale(locales[0] ?? 'en') as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number }
      weekInfo?: { firstDay: number }
    }
    // Intl numbers Monday 1 … Sunday 7.
    const firstDay = locale.getWeekInfo?.().firstDay ?? locale.weekInfo?.firstDay
    return firstDay === undefined ? 1 : firstDay % 7
  } catch {
    return 1
  }
}

/**
 * An appointment's day, with its weekday so nobody has to count: "Tuesday, 05/12/2026" in
 * English (US), "Tuesday, 12/05/2026" in English (Canada). The day is the one on the clinic's
 * wall (`timeZone`), whatever zone the browser is in.
 */
export function formatAppointmentDate(
  date: Date | string,
  timeZone: string,
  locales: Locales = preferredLocales(),
): string {
  const weekday = new Intl.DateTimeFormat(locales, { weekday: 'long', timeZone }).format(
    toDate(date),
  )
  return `${weekday}, ${formatDate(date, locales, timeZone)}`
}

/** The calendar day (YYYY-MM-DD) an instant falls on in `timeZone`: a key to group times by. */
export function calendarDayIn(date: Date | string, timeZone: string): string {
  const parts = partsOf(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }),
    toDate(date),
  )
  return `${parts.year}-${parts.month}-${parts.day}`
}

/** A length of time in whole minutes, in words: "30 minutes", "1 hour", "1 hour 30 minutes". */
export function formatMinutes(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError(`Not minutes: ${minutes}`)
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  const parts: string[] = []
  if (hours > 0) parts.push(hours === 1 ? '1 hour' : `${hours} hours`)
  if (rest > 0 || hours === 0) parts.push(rest === 1 ? '1 minute' : `${rest} minutes`)
  return parts.join(' ')
}

/**
 * An address as a person reads it, with the country it is registered in when known, named in
 * the reader's language: "24.48.0.1, Canada", "24.48.0.1, Canadá".
 */
export function formatAddress(
  ip: string,
  country: string | null,
  locales: Locales = preferredLocales(),
): string {
  if (!country) return ip
  const name = new Intl.DisplayNames(locales, { type: 'region', fallback: 'code' }).of(country)
  return `${ip}, ${name ?? country}`
}
