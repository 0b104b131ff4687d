import { preferredLocales } from './i18n/locale.ts'

/**
 * A birthdate typed as three separate, labelled parts (day, a named month, year), so that no one
 * has to guess whether 07/05 means the 7th of May or July 5th. Pure: the field's rules, tested in
 * birthdate.test.ts.
 */
export interface DateParts {
  /** As typed: digits, perhaps with spaces. */
  day: string
  /** 1–12 as text, or '' while no month is chosen. */
  month: string
  year: string
}

export type DatePart = keyof DateParts

/** Why the parts are not a birthdate yet; each is a message in web/ui/messages. */
export type DateProblem = 'incomplete' | 'day' | 'year' | 'future'

export const EMPTY_PARTS: DateParts = { day: '', month: '', year: '' }

/** The parts of a `YYYY-MM-DD` date ('' and anything else: all empty). */
export function dateParts(isoDate: string): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) return EMPTY_PARTS
  return {
    year: match[1] as string,
    month: String(Number(match[2])),
    day: String(Number(match[3])),
  }
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * The parts as `YYYY-MM-DD`, or why they are not a birthdate: a day the month does not have
 * (31 April, 29 February 1981), a year before 1900 or not four digits, a day after `today`
 * (`YYYY-MM-DD`, where the reader is).
 */
export function composeDate(
  parts: DateParts,
  today: string,
): { date: string } | { problem: DateProblem } {
  const day = parts.day.trim()
  const year = parts.year.trim()
  if (day === '' || parts.month === '' || year === '') return { problem: 'incomplete' }
  if (!/^\d{4}$/.test(year) || Number(year) < 1900) return { problem: 'year' }
  const month = Number(parts.month)
  if (!Number.isInteger(month) || month < 1 || month > 12) return { problem: 'incomplete' }
  if (!/^\d{1,2}$/.test(day)) return { problem: 'day' }
  const dayNumber = Number(day)
  if (dayNumber < 1 || dayNumber > daysIn(Number(year), month)) return { problem: 'day' }
  const date = `${year}-${String(month).padStart(2, '0')}-${String(dayNumber).padStart(2, '0')}`
  if (date > today) return { problem: 'future' }
  return { date }
}

/**
 * The order the reader writes a date's parts in: month first in US English, year first where
 * dates are written that way (ISO, Hungarian, Japanese…), else day first. English Canada writes
 * dd/mm/yyyy (as the practice's software shows it), though Intl's en-CA numeric date is ISO.
 */
export function partOrder(locales: readonly string[] = preferredLocales()): DatePart[] {
  const formatter = new Intl.DateTimeFormat(locales, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
  if (/^en-CA\b/.test(formatter.resolvedOptions().locale)) return ['day', 'month', 'year']
  const order = formatter
    .formatToParts(new Date(Date.UTC(2001, 1, 3)))
    .map((part) => part.type)
    .filter((type): type is DatePart => type === 'day' || type === 'month' || type === 'year')
  return order.length === 3 ? order : ['day', 'month', 'year']
}

/** The months' names in the reader's language, January first. */
export function monthNames(locales: readonly string[] = preferredLocales()): string[] {
  const formatter = new Intl.DateTimeFormat(locales, { month: 'long', timeZone: 'UTC' })
  return Array.from({ length: 12 }, (_, index) =>
    formatter.format(new Date(Date.UTC(2001, index, 1))),
  )
}
