import { formatCalendarDate, formatDateTime } from '../../ui/i18n/format.ts'
import { ColumnHeads } from '../../ui/table.tsx'
import {
  type ActivityEvent,
  activityWhat,
  type CareSummary,
  deliveryLabel,
  rangeLabel,
} from './rules.ts'
import { useShowAll } from './show-all.tsx'

/** Events shown before "Show all": the latest acts are what people check. */
const FIRST_SHOWN = 20

/**
 * Every view, download and transmission of this person's summaries, newest first: what, when,
 * by whom, and for a transmission to whom and what became of it. Read from the audit log.
 */
export function ActivityHistory({
  events,
  summaries,
  firstName,
  timeZone,
}: {
  events: readonly ActivityEvent[]
  summaries: readonly CareSummary[]
  firstName: string
  timeZone: string | undefined
}) {
  const { shown, more } = useShowAll(events, FIRST_SHOWN, 'events')
  const summaryDates = new Map(
    summaries.map((summary) => [
      summary.id,
      formatDateTime(summary.effectiveAt, undefined, timeZone, { seconds: true }),
    ]),
  )
  return (
    <section className="tab-panel" aria-labelledby="summary-activity-heading">
      <h3 id="summary-activity-heading">Activity history</h3>
      {events.length === 0 ? (
        <p className="muted">
          Nobody has viewed, downloaded or transmitted {firstName}’s care summaries yet.
        </p>
      ) : (
        <table className="data-table stack-table summary-activity">
          <caption className="visually-hidden">
            Views, downloads and transmissions of {firstName}’s care summaries, newest first
          </caption>
          <ColumnHeads columns={['When', 'What', 'Summary', 'By', 'To']} />
          <tbody>
            {shown.map((event) => (
              <tr key={event.id}>
                <th scope="row">{formatDateTime(event.at, undefined, timeZone)}</th>
                <td data-label="What">{activityWhat(event)}</td>
                <td data-label="Summary">
                  {event.summaryId === null
                    ? ''
                    : (summaryDates.get(event.summaryId) ?? 'An earlier summary')}
                  {event.rangeFrom || event.rangeTo ? (
                    <span className="summary-delivery">
                      {' '}
                      ({rangeLabel(event, (day) => formatCalendarDate(day))})
                    </span>
                  ) : null}
                </td>
                <td data-label="By">{event.by}</td>
                <td data-label="To">
                  {event.to ? (
                    <>
                      {event.to}
                      <span className="summary-delivery">
                        {' '}
                        ({deliveryLabel(event.status)}
                        {event.status === 'failed' && event.error ? `: ${event.error}` : ''})
                      </span>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more}
    </section>
  )
}
