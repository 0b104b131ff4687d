import { useQuery } from '@tanstack/react-query'
import type { Static } from 'typebox'
import type { PublicContact } from '../../server/portal/signin/schemas.ts'
import { getJson } from '../ui/api.ts'
import { formatDateTime, formatTimeZoneName } from '../ui/i18n/format.ts'
import { useT } from '../ui/i18n/i18n.tsx'

/**
 * The practice's time zone, from its public contact details. The console writes every time on
 * the practice's clock (a front desk in Toronto reads Toronto times whatever the computer's
 * setting), in the reader's locale, and says which zone that is.
 */
export function usePracticeTimeZone(): string | undefined {
  const contact = useQuery({
    queryKey: ['public', 'contact'],
    queryFn: ({ signal }) => getJson<Static<typeof PublicContact>>('/api/public/contact', signal),
    staleTime: 5 * 60_000,
  })
  return contact.data?.practice.timeZone
}

/** `dateTime(instant)`: an instant's date and time on the practice's clock, in the reader's locale. */
export function usePracticeDateTime(): (instant: string | Date) => string {
  const timeZone = usePracticeTimeZone()
  return (instant) => formatDateTime(instant, undefined, timeZone)
}

/** "Times are in Eastern Time.": the label for the practice's zone, above a page's times. */
export function TimeZoneNote() {
  const t = useT()
  const timeZone = usePracticeTimeZone()
  if (!timeZone) return null
  const zone = formatTimeZoneName(timeZone) ?? timeZone
  return <p className="field-description time-zone-note">{t('office.time.zone', { zone })}</p>
}
