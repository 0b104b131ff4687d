import type { ReactNode } from 'react'
import { Button } from 'react-aria-components'
import { formatCalendarDate } from '../../ui/i18n/format.ts'
import { type MessageId, useT } from '../../ui/i18n/i18n.tsx'
import { type CareSummary, rangeLabel, reasonExplanation, type SummaryFormat } from './rules.ts'
import { useShowAll } from './show-all.tsx'

/** Summaries shown before "Show all": the newest are the ones people want. */
const FIRST_SHOWN = 5

/**
 * One person's summaries, newest first, each with its date, why it was made and what can be
 * done with it. `actions` gives a summary's buttons; they are described by its heading, so a
 * screen reader hears "View, Care summary of …".
 */
export function SummaryList({
  summaries,
  firstName,
  dateOf,
  actions,
}: {
  summaries: readonly CareSummary[]
  firstName: string
  dateOf: (summary: CareSummary) => string
  actions: (summary: CareSummary, headingId: string) => ReactNode
}) {
  const t = useT()
  const { shown, more } = useShowAll(summaries, FIRST_SHOWN, 'summaries')
  return (
    <section className="tab-panel surface" aria-labelledby="summary-list-heading">
      <h3 id="summary-list-heading">{t('summary.listTitle', { name: firstName })}</h3>
      <p className="muted">{t('summary.explainer')}</p>
      {summaries.length === 0 ? (
        <p className="muted">{t('summary.noneYet')}</p>
      ) : (
        <ul className="item-list">
          {shown.map((summary) => {
            const headingId = `summary-${summary.id}-heading`
            return (
              <li key={summary.id}>
                <article className="item summary-item" aria-labelledby={headingId}>
                  <h4 id={headingId}>{t('summary.of', { date: dateOf(summary) })}</h4>
                  <p className="summary-range">
                    {rangeLabel(summary, (day) => formatCalendarDate(day), t)}
                  </p>
                  <p className="muted summary-reason">{t(reasonExplanation(summary.reason))}</p>
                  <div className="item-actions">{actions(summary, headingId)}</div>
                </article>
              </li>
            )
          })}
        </ul>
      )}
      {more}
    </section>
  )
}

const DOWNLOADS: readonly { format: SummaryFormat; label: MessageId }[] = [
  { format: 'package', label: 'summary.downloadZip' },
  { format: 'xml', label: 'summary.downloadXml' },
]

/** The two downloads of a summary: the XDM package (zip) and the C-CDA XML alone. */
export function DownloadButtons({
  busy,
  onDownload,
  describedBy,
}: {
  /** The download of this summary in progress, if any. */
  busy: SummaryFormat | undefined
  onDownload: (format: SummaryFormat) => void
  describedBy?: string | undefined
}) {
  const t = useT()
  return (
    <>
      {DOWNLOADS.map(({ format, label }) => (
        <Button
          key={format}
          className="button button-secondary button-small"
          aria-describedby={describedBy}
          onPress={() => onDownload(format)}
        >
          {busy === format ? t('summary.downloading') : t(label)}
        </Button>
      ))}
    </>
  )
}
