import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import { Button } from 'react-aria-components'
import { useOutletContext } from 'react-router'
import { getJson, postJson } from '../../ui/api.ts'
import { formatDateTime } from '../../ui/i18n/format.ts'
import { LoadFailed } from '../../ui/status.tsx'
import { ProblemAlert } from '../problem-alert.tsx'
import type { PortalSession } from '../session.ts'
import {
  LiveMessage,
  patientApi,
  patientKey,
  QueryView,
  TabSection,
  usePracticeTimeZone,
} from '../tab-parts.tsx'
import type { TabPageProps } from '../tabs.ts'
import { ActivityHistory } from './ActivityHistory.tsx'
import { saveDownload } from './download.ts'
import { FamilyList } from './FamilyList.tsx'
import {
  type ActivityView,
  type CareSummary,
  reasonLabel,
  type SummariesView,
  summaryFilePath,
} from './rules.ts'
import { SummaryViewer } from './SummaryViewer.tsx'
import { TransmitDialog } from './TransmitDialog.tsx'
import './summary.css'

/** Summaries shown before "Show all": the newest are the ones people want. */
const FIRST_SHOWN = 5

type Format = 'package' | 'xml'
type Open = { dialog: 'view' | 'transmit'; summary: CareSummary } | null

/**
 * The Summary tab: whose summaries (the family members the user may see), that person's care
 * summaries (C-CDA) newest first to view, download and transmit, and the history of those acts.
 */
export default function SummaryPage({ patientId, patientName }: TabPageProps) {
  const session = useOutletContext<PortalSession>()
  const queryClient = useQueryClient()
  const timeZone = usePracticeTimeZone()
  const summariesKey = patientKey(patientId, 'summaries')
  const activityKey = patientKey(patientId, 'summary-activity')
  const summaries = useQuery({
    queryKey: summariesKey,
    queryFn: ({ signal }) => getJson<SummariesView>(patientApi(patientId, 'summaries'), signal),
  })
  const activity = useQuery({
    queryKey: activityKey,
    queryFn: ({ signal }) =>
      getJson<ActivityView>(patientApi(patientId, 'summary-activity'), signal),
    enabled: summaries.data?.setUp === true,
  })
  const [message, setMessage] = useState('')
  const [downloaded, setDownloaded] = useState('')
  const [open, setOpen] = useState<Open>(null)
  const [showAll, setShowAll] = useState(false)
  const dateOf = (summary: CareSummary) => formatDateTime(summary.effectiveAt, undefined, timeZone)
  const person = session.family.find((member) => member.id === patientId)
  const firstName = person?.preferredName?.trim() || person?.firstName || patientName

  // Every act is recorded by the server before it answers; afterwards the history is stale.
  const refreshActivity = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: activityKey }),
    [queryClient, activityKey],
  )

  const create = useMutation({
    mutationFn: () => postJson<CareSummary>(patientApi(patientId, 'summaries'), {}),
    onMutate: () => setMessage(''),
    onSuccess: (created) => {
      queryClient.setQueryData<SummariesView>(summariesKey, (view) =>
        view ? { ...view, summaries: [created, ...view.summaries] } : view,
      )
      void queryClient.invalidateQueries({ queryKey: summariesKey })
      setMessage(`A current care summary of ${dateOf(created)} was created. It is first below.`)
    },
  })

  const download = useMutation({
    mutationFn: ({ summary, format }: { summary: CareSummary; format: Format }) =>
      saveDownload(
        summaryFilePath(patientId, summary.id, format),
        format === 'xml' ? 'care-summary.xml' : 'care-summary.zip',
      ),
    onMutate: () => {
      setMessage('')
      setDownloaded('')
    },
    onSuccess: (name) => setDownloaded(`Downloaded ${name}.`),
    onSettled: refreshActivity,
  })
  const downloadNotice = (
    <>
      <LiveMessage message={downloaded} />
      {download.isError ? <ProblemAlert key={download.submittedAt} error={download.error} /> : null}
    </>
  )

  function downloadButtons(summary: CareSummary, describedBy?: string) {
    const busy = (format: Format) =>
      download.isPending &&
      download.variables?.summary.id === summary.id &&
      download.variables.format === format
    return (
      <>
        <Button
          className="button button-secondary button-small"
          aria-describedby={describedBy}
          onPress={() => download.mutate({ summary, format: 'package' })}
        >
          {busy('package') ? 'Downloading…' : 'Download (zip)'}
        </Button>
        <Button
          className="button button-secondary button-small"
          aria-describedby={describedBy}
          onPress={() => download.mutate({ summary, format: 'xml' })}
        >
          {busy('xml') ? 'Downloading…' : 'Download XML'}
        </Button>
      </>
    )
  }

  return (
    <TabSection
      id="summary"
      title="Care summaries"
      actions={
        summaries.data?.setUp ? (
          <Button
            className="button"
            onPress={() => {
              if (!create.isPending) create.mutate()
            }}
          >
            {create.isPending ? 'Creating…' : 'Create current summary'}
          </Button>
        ) : null
      }
    >
      {session.family.length > 1 ? (
        <FamilyList family={session.family} selectedId={patientId} />
      ) : null}
      <LiveMessage message={message} />
      {create.isError ? <ProblemAlert key={create.submittedAt} error={create.error} /> : null}
      {open ? null : downloadNotice}
      <QueryView query={summaries} label="Care summaries">
        {(view) =>
          !view.setUp ? (
            <div className="tab-panel">
              <p>
                Your dental office has not set up care summaries yet, so there are none to show.
                They appear here once the office has imported the medical code lists (SNOMED CT and
                CVX) that a care summary needs.
              </p>
              <p className="muted">
                Please contact the office if you need a summary of your records now.
              </p>
            </div>
          ) : (
            <>
              <section className="tab-panel" aria-labelledby="summary-list-heading">
                <h3 id="summary-list-heading">{firstName}’s summaries</h3>
                <p className="muted">
                  A care summary (Continuity of Care Document) lists allergies, medications,
                  problems, procedures and visits. Newest first.
                </p>
                {view.summaries.length === 0 ? (
                  <p className="muted">
                    There are no care summaries yet. Create current summary makes one from the
                    records as they are today.
                  </p>
                ) : (
                  <ul className="item-list">
                    {(showAll ? view.summaries : view.summaries.slice(0, FIRST_SHOWN)).map(
                      (summary) => {
                        const headingId = `summary-${summary.id}-heading`
                        return (
                          <li key={summary.id}>
                            <article className="item summary-item" aria-labelledby={headingId}>
                              <h4 id={headingId}>Care summary of {dateOf(summary)}</h4>
                              <p className="muted summary-reason">{reasonLabel(summary.reason)}</p>
                              <div className="item-actions">
                                <Button
                                  className="button button-small"
                                  aria-describedby={headingId}
                                  onPress={() => {
                                    setDownloaded('')
                                    setOpen({ dialog: 'view', summary })
                                  }}
                                >
                                  View
                                </Button>
                                {downloadButtons(summary, headingId)}
                                <Button
                                  className="button button-secondary button-small"
                                  aria-describedby={headingId}
                                  onPress={() => setOpen({ dialog: 'transmit', summary })}
                                >
                                  Transmit
                                </Button>
                              </div>
                            </article>
                          </li>
                        )
                      },
                    )}
                  </ul>
                )}
                {view.summaries.length > FIRST_SHOWN && !showAll ? (
                  <p className="item-actions summary-more">
                    <Button className="button button-secondary" onPress={() => setShowAll(true)}>
                      Show all {view.summaries.length} summaries
                    </Button>
                  </p>
                ) : null}
              </section>
              {activity.isSuccess ? (
                <ActivityHistory
                  events={activity.data.events}
                  summaries={view.summaries}
                  firstName={firstName}
                  timeZone={timeZone}
                />
              ) : activity.isError ? (
                <LoadFailed error={activity.error} onRetry={() => void activity.refetch()} />
              ) : null}
            </>
          )
        }
      </QueryView>
      {open?.dialog === 'view' ? (
        <SummaryViewer
          patientId={patientId}
          patientName={patientName}
          summary={open.summary}
          date={dateOf(open.summary)}
          actions={downloadButtons(open.summary)}
          notice={downloadNotice}
          onLoaded={refreshActivity}
          onClose={() => setOpen(null)}
        />
      ) : open?.dialog === 'transmit' ? (
        <TransmitDialog
          patientId={patientId}
          patientName={patientName}
          summary={open.summary}
          date={dateOf(open.summary)}
          onTransmitted={refreshActivity}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </TabSection>
  )
}
