import { Fact } from '../../ui/fact.tsx'
import {
  firstDayOfWeek,
  formatClockRange,
  formatTimeZoneName,
  formatWeekday,
} from '../../ui/i18n/format.ts'

import type { ContactDetails } from '../session.ts'
import { weekOfHours } from './hours.ts'
import './contact.css'
import { useT } from '../../ui/i18n/i18n.tsx'

/** The office's address, phone, email and hours; headings start at `level`. */
export function ContactDetailsView({
  details,
  level = 2,
  headingId,
}: {
  details: ContactDetails
  level?: 2 | 3
  /** For a region labelled by the place's name. */
  headingId?: string
}) {
  const t = useT()
  const Heading = level === 2 ? 'h2' : 'h3'
  const week = weekOfHours(details.hours, firstDayOfWeek())
  const zone = formatTimeZoneName(details.timeZone)
  return (
    <div className="contact">
      <Heading id={headingId}>{details.name}</Heading>
      {details.addressLines.length > 0 ? (
        <address className="contact-address">
          {details.addressLines.map((line) => (
            <span key={line}>{line}</span>
          ))}
        </address>
      ) : null}
      <dl className="contact-ways">
        {details.phone ? (
          <Fact label={t('contact.phone')}>
            <a href={`tel:${telNumber(details.phone)}`}>{details.phone}</a>
          </Fact>
        ) : null}
        {details.email ? (
          <Fact label={t('contact.email')}>
            <a href={`mailto:${details.email}`}>{details.email}</a>
          </Fact>
        ) : null}
      </dl>
      {details.hours.length > 0 ? (
        <>
          <Heading>{zone ? t('contact.hoursInZone', { zone }) : t('contact.hours')}</Heading>
          <table className="contact-hours">
            <tbody>
              {week.map((day) => (
                <tr key={day.weekday}>
                  <th scope="row">{formatWeekday(day.weekday)}</th>
                  <td>
                    {day.spans.length === 0
                      ? t('contact.closed')
                      : day.spans
                          .map((span) => formatClockRange(span.opens, span.closes))
                          .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  )
}

/** A phone number as a `tel:` link wants it: digits and a leading +, nothing else. */
export function telNumber(phone: string): string {
  return phone.replace(/[^\d+]/g, '')
}
