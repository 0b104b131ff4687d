import type { OpeningHours } from '../settings/rules.ts'

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']
const RANGE = /^([a-z]{3})(?:-([a-z]{3}))?\s+(\d{2}:\d{2})-(\d{2}:\d{2})$/

/**
 * `npm run setup -- --hours "Mon-Fri 08:00-17:00, Sat 09:00-13:00"` as opening hours (weekday
 * 0 = Sunday), or a sentence saying what is wrong. Times are checked later with the page's rules.
 */
export function parseHoursOption(text: string): OpeningHours[] | string {
  const hours: OpeningHours[] = []
  for (const part of text.split(',').map((each) => each.trim().toLowerCase())) {
    if (part === '') continue
    const match = RANGE.exec(part)
    const first = DAYS.indexOf(match?.[1] ?? '')
    const last = match?.[2] ? DAYS.indexOf(match[2]) : first
    if (!match || first < 0 || last < first) {
      return `"${part}" is not like "Mon-Fri 08:00-17:00" (days Sun to Sat, in week order).`
    }
    for (let weekday = first; weekday <= last; weekday++) {
      hours.push({ weekday, opens: match[3] ?? '', closes: match[4] ?? '' })
    }
  }
  return hours
}
