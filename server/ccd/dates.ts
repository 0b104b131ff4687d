/**
 * Dates as the reader reads them. The document's own narrative writes an unambiguous
 * "March 3, 2025" (it travels to other software and people); the portal's renderings (HTML,
 * PDF) show every date in the reader's locale instead: English (Canada) dd/mm/yyyy, English
 * (US) mm/dd/yyyy, and so on, as the web client does (web/ui/i18n/format.ts).
 */

import { formatterPer } from './formatters.ts'
import { MONTHS } from './time.ts'

/**
 * A formatter per reader's locale that reads in UTC: the values are already the document's wall
 * clock (a calendar date, a TS's own hour), so no time zone may shift them.
 */
const wallClockFormatter = (options: Intl.DateTimeFormatOptions) =>
  formatterPer((locale) => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }))

const dayFormatter = wallClockFormatter({ year: 'numeric', month: '2-digit', day: '2-digit' })
const clockFormatter = wallClockFormatter({ hour: 'numeric', minute: '2-digit' })

/** 'YYYY-MM-DD' → the reader's numeric date; en-CA is dd/mm/yyyy (Intl alone says ISO). */
export function formatDay(isoDate: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) return isoDate
  const [, year, month, day] = match
  const tag = new Intl.Locale(locale)
  if (tag.language === 'en' && tag.region === 'CA') return `${day}/${month}/${year}`
  return dayFormatter(locale).format(new Date(`${isoDate}T00:00:00Z`))
}

/** '14:05' on the reader's clock (2:05 p.m. in English, 14 h 05 in French Canada). */
export function formatClock(hour: number, minute: number, locale: string): string {
  return clockFormatter(locale).format(new Date(Date.UTC(1970, 0, 1, hour, minute)))
}

/**
 * An HL7 TS ('20250314100926-0500', '19910115') for the reader: the date, and the wall-clock
 * time with its UTC offset when the value has one. 'Unknown' when it is not a TS.
 */
export function formatTs(value: string | undefined, locale: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?(?:\.\d+)?([+-]\d{4})?$/.exec(
    value ?? '',
  )
  if (!match) return 'Unknown'
  const [, year, month, day, hour, minute, , zone] = match
  let text = formatDay(`${year}-${month}-${day}`, locale)
  if (hour) text += ` ${formatClock(Number(hour), Number(minute ?? 0), locale)}`
  if (zone) text += ` (UTC${zone.slice(0, 3)}:${zone.slice(3)})`
  return text
}

const NARRATIVE_DATE = new RegExp(
  `\\b(${MONTHS.join('|')}) (\\d{1,2}), (\\d{4})(?: (\\d{2}):(\\d{2}))?`,
  'g',
)

/** The narrative's "March 3, 2025" and "March 3, 2025 14:05" in the reader's way. */
export function localizeNarrativeDates(text: string, locale: string): string {
  return text.replace(NARRATIVE_DATE, (_, month: string, day: string, year: string, h, m) => {
    const iso = `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`
    const date = formatDay(iso, locale)
    return h === undefined ? date : `${date} ${formatClock(Number(h), Number(m), locale)}`
  })
}
