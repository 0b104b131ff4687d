import { formatCalendarDate, formatDateTime } from '../../ui/i18n/format.ts'
import { type Translate, useT } from '../../ui/i18n/i18n.tsx'
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
/** "(Sent)", "(Failed: the mail server's reason)". */
function delivery(event: ActivityEvent, t: Translate): string {
  const label = deliveryLabel(event.status)
  if (!label) return ''
  const error = event.status === 'failed' ? event.error : null
  return error
    ? t('activity.deliveryBecause', { status: t(label), error })
    : t('activity.delivery', { status: t(label) })
}

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
  const t = useT()
  const { shown, more } = useShowAll(events, FIRST_SHOWN, 'events')
  const summaryDates = new Map(
    summaries.map((summary) => [
      summary.id,
      formatDateTime(summary.effectiveAt, undefined, timeZone, { seconds: true }),
    ]),
  )
  return (
    <section className="tab-panel surface" aria-labelledby="summary-activity-heading">
      <h3 id="summary-activity-heading">{t('activity.title')}</h3>
      {events.length === 0 ? (
        <p className="muted">{t('activity.none', { name: firstName })}</p>
      ) : (
        <table className="data-table stack-table summary-activity">
          <caption className="visually-hidden">
            {t('activity.caption', { name: firstName })}
          </caption>
          <ColumnHeads
            columns={[
              t('activity.when'),
              t('activity.what'),
              t('activity.summary'),
              t('activity.by'),
              t('activity.to'),
            ]}
          />
          <tbody>
            {shown.map((event) => (
              <tr key={event.id}>
                <th scope="row">{formatDateTime(event.at, undefined, timeZone)}</th>
                <td data-label={t('activity.what')}>{t(activityWhat(event))}</td>
                <td data-label={t('activity.summary')}>
                  {event.summaryId === null
                    ? ''
                    : (summaryDates.get(event.summaryId) ?? t('activity.earlierSummary'))}
                  {event.rangeFrom || event.rangeTo ? (
                    <span className="summary-delivery">
                      {' '}
                      ({rangeLabel(event, (day) => formatCalendarDate(day), t)})
                    </span>
                  ) : null}
                </td>
                <td data-label={t('activity.by')}>{event.by}</td>
                <td data-label={t('activity.to')}>
                  {event.to ? (
                    <>
                      {event.to}
                      <span className="summary-delivery"> {delivery(event, t)}</span>
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
