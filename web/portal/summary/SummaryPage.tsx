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
  usePatientRead,
  usePracticeTimeZone,
} from '../tab-parts.tsx'
import type { TabPageProps } from '../tabs.ts'
import { ActivityHistory } from './ActivityHistory.tsx'
import { saveDownload } from './download.ts'
import { FamilyList } from './FamilyList.tsx'
import { RangeForm, type SummaryRange } from './RangeForm.tsx'
import {
  type ActivityView,
  type CareSummary,
  type SummariesView,
  type SummaryFormat,
  summaryFilePath,
} from './rules.ts'
import { DownloadButtons, SummaryList } from './SummaryList.tsx'
import { SummaryViewer } from './SummaryViewer.tsx'
import { TransmitDialog } from './TransmitDialog.tsx'
import './summary.css'
import { useT } from '../../ui/i18n/i18n.tsx'
import { MutationButton } from '../../ui/mutation-button.tsx'

/** How often the history is re-read while a transmission in it is pending. */
const PENDING_POLL_MS = 15_000

type Open = { dialog: 'view' | 'transmit'; summary: CareSummary } | null

/**
 * The Summary tab: whose summaries (the family members the user may see), that person's care
 * summaries (C-CDA) newest first to view, download and transmit, and the history of those acts.
 */
export default function SummaryPage({ patientId, patientName }: TabPageProps) {
  const session = useOutletContext<PortalSession>()
  const queryClient = useQueryClient()
  const t = useT()
  const timeZone = usePracticeTimeZone()
  const summariesKey = patientKey(patientId, 'summaries')
  const activityKey = patientKey(patientId, 'summary-activity')
  const summaries = usePatientRead<SummariesView>(patientId, 'summaries', 'summaries')
  const activity = useQuery({
    queryKey: activityKey,
    queryFn: ({ signal }) =>
      getJson<ActivityView>(patientApi(patientId, 'summary-activity'), signal),
    enabled: summaries.data?.setUp === true,
    // A transmission still being retried changes on its own: keep its row current meanwhile.
    refetchInterval: (query) =>
      query.state.data?.events.some((event) => event.status === 'pending')
        ? PENDING_POLL_MS
        : false,
  })
  const [message, setMessage] = useState('')
  const [downloaded, setDownloaded] = useState('')
  const [open, setOpen] = useState<Open>(null)
  // With seconds: two summaries made in the same minute must be told apart.
  const dateOf = (summary: CareSummary) =>
    formatDateTime(summary.effectiveAt, undefined, timeZone, { seconds: true })
  const person = session.family.find((member) => member.id === patientId)
  const firstName = person?.preferredName?.trim() || person?.firstName || patientName

  // Every act is recorded by the server before it answers; afterwards the history is stale.
  const refreshActivity = useCallback(
    () =>
      void queryClient.invalidateQueries({ queryKey: patientKey(patientId, 'summary-activity') }),
    [queryClient, patientId],
  )

  const created = (summary: CareSummary, what: 'summary.created' | 'summary.createdRange') => {
    queryClient.setQueryData<SummariesView>(summariesKey, (view) =>
      view ? { ...view, summaries: [summary, ...view.summaries] } : view,
    )
    void queryClient.invalidateQueries({ queryKey: summariesKey })
    setMessage(t(what, { date: dateOf(summary) }))
  }
  const create = useMutation({
    mutationFn: () => postJson<CareSummary>(patientApi(patientId, 'summaries'), {}),
    onMutate: () => setMessage(''),
    onSuccess: (summary) => created(summary, 'summary.created'),
  })
  const createRange = useMutation({
    mutationFn: (range: SummaryRange) =>
      postJson<CareSummary>(patientApi(patientId, 'summaries'), range),
    onMutate: () => setMessage(''),
    onSuccess: (summary) => created(summary, 'summary.createdRange'),
  })

  const download = useMutation({
    mutationFn: ({ summary, format }: { summary: CareSummary; format: SummaryFormat }) =>
      saveDownload(
        summaryFilePath(patientId, summary.id, format),
        `care-summary.${format === 'xml' ? 'xml' : 'zip'}`,
      ),
    onMutate: () => {
      setMessage('')
      setDownloaded('')
    },
    onSuccess: (name) => setDownloaded(t('summary.downloaded', { name })),
    onSettled: refreshActivity,
  })
  // Shown in the viewer while it is open: the page behind it is hidden from screen readers.
  const downloadNotice = (
    <>
      <LiveMessage message={downloaded} />
      {download.isError ? <ProblemAlert key={download.submittedAt} error={download.error} /> : null}
    </>
  )
  const downloadButtons = (summary: CareSummary, describedBy?: string) => (
    <DownloadButtons
      busy={
        download.isPending && download.variables?.summary.id === summary.id
          ? download.variables.format
          : undefined
      }
      onDownload={(format) => download.mutate({ summary, format })}
      describedBy={describedBy}
    />
  )

  return (
    <TabSection
      id="summary"
      title={t('summary.title')}
      actions={
        summaries.data?.setUp ? (
          <MutationButton
            className="button"
            mutation={create}
            label={t('summary.create')}
            pendingLabel={t('summary.creating')}
          />
        ) : null
      }
    >
      {session.family.length > 1 ? (
        <FamilyList family={session.family} selectedId={patientId} />
      ) : null}
      <LiveMessage message={message} />
      {create.isError ? <ProblemAlert key={create.submittedAt} error={create.error} /> : null}
      {open ? null : downloadNotice}
      <QueryView query={summaries} feature="summary">
        {(view) =>
          view.setUp ? (
            <>
              <SummaryList
                summaries={view.summaries}
                firstName={firstName}
                dateOf={dateOf}
                actions={(summary, headingId) => (
                  <>
                    <Button
                      className="button button-small"
                      aria-describedby={headingId}
                      onPress={() => {
                        setDownloaded('')
                        setOpen({ dialog: 'view', summary })
                      }}
                    >
                      {t('summary.view')}
                    </Button>
                    {downloadButtons(summary, headingId)}
                    <Button
                      className="button button-secondary button-small"
                      aria-describedby={headingId}
                      onPress={() => setOpen({ dialog: 'transmit', summary })}
                    >
                      {t('summary.transmit')}
                    </Button>
                  </>
                )}
              />
              <RangeForm mutation={createRange} onCreate={(range) => createRange.mutate(range)} />
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
          ) : (
            <NotSetUp />
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

/** The practice has not imported SNOMED CT and CVX, so it makes no summaries (and offers no buttons). */
function NotSetUp() {
  const t = useT()
  return (
    <div className="tab-panel surface">
      <p>{t('summary.notSetUp')}</p>
      <p className="muted">{t('summary.notSetUpContact')}</p>
    </div>
  )
}
