import {
  type InfiniteData,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query'
import { lazy, useId, useState } from 'react'
import { Button } from 'react-aria-components'
import { getJson, postJson } from '../../ui/api.ts'
import { formatDuration } from '../../ui/i18n/duration.ts'
import {
  formatAppointmentDate,
  formatCalendarDate,
  formatTime,
  formatTimeZoneName,
} from '../../ui/i18n/format.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { ProblemAlert } from '../problem-alert.tsx'
import {
  isFeatureDisabled,
  LiveMessage,
  NotOffered,
  patientApi,
  patientKey,
  TabPanel,
  TabSection,
} from '../tab-parts.tsx'
import type { TabPageProps } from '../tabs.ts'
import {
  type Appointment,
  type AppointmentsView,
  confirmationLabel,
  pastFromPages,
  type Recall,
  replaceAppointment,
  whatIsPlanned,
  zoneOf,
} from './rules.ts'
import './appointments.css'
import { WhenFirstOpened } from '../../ui/when-first-opened.tsx'

// Opened by "Schedule", not part of the tab's first screen: downloaded when first opened.
const ScheduleDialog = lazy(() =>
  import('./ScheduleDialog.tsx').then((module) => ({ default: module.ScheduleDialog })),
)

/** The Appointments tab: action needed, upcoming and past visits. */
export default function AppointmentsPage({ patientId }: TabPageProps) {
  const queryClient = useQueryClient()
  const t = useT()
  const key = patientKey(patientId, 'appointments')
  const [message, setMessage] = useState('')
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) =>
      getJson<AppointmentsView>(
        patientApi(
          patientId,
          pageParam > 1 ? `appointments?pastPage=${pageParam}` : 'appointments',
        ),
        signal,
      ),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.past.hasMore ? last.past.page + 1 : undefined),
  })

  const confirm = useMutation({
    mutationFn: (appointment: Appointment) =>
      postJson<Appointment>(patientApi(patientId, `appointments/${appointment.id}/confirm`), {}),
    onMutate: () => setMessage(''),
    onSuccess: (fresh, _appointment) => {
      queryClient.setQueryData<InfiniteData<AppointmentsView, number>>(key, (data) =>
        data ? { ...data, pages: data.pages.map((page) => replaceAppointment(page, fresh)) } : data,
      )
      const timeZone = fresh.clinic?.timeZone ?? query.data?.pages[0]?.timeZone ?? 'UTC'
      setMessage(
        t('appointments.confirmedMessage', {
          date: formatAppointmentDate(fresh.startsAt, timeZone),
          time: formatTime(fresh.startsAt, undefined, timeZone),
        }),
      )
    },
  })

  function booked(appointment: Appointment, timeZone: string) {
    setMessage(
      t('appointments.bookedMessage', {
        date: formatAppointmentDate(appointment.startsAt, timeZone),
        time: formatTime(appointment.startsAt, undefined, timeZone),
      }),
    )
    void queryClient.invalidateQueries({ queryKey: key })
  }

  const first = query.data?.pages[0]
  return (
    <TabSection id="appointments" title={t('tab.appointments')}>
      <LiveMessage message={message} />
      {confirm.isError ? <ProblemAlert key={confirm.submittedAt} error={confirm.error} /> : null}
      {first && query.data ? (
        <Sections
          view={first}
          past={pastFromPages(query.data.pages)}
          patientId={patientId}
          confirming={confirm.isPending ? confirm.variables?.id : undefined}
          onConfirm={(appointment) => confirm.mutate(appointment)}
          onBooked={booked}
          olderButton={
            query.hasNextPage ? (
              <Button
                className="button button-secondary"
                onPress={() => void query.fetchNextPage()}
                isDisabled={query.isFetchingNextPage}
              >
                {query.isFetchingNextPage
                  ? t('appointments.loadingOlder')
                  : t('appointments.showOlder')}
              </Button>
            ) : null
          }
          olderError={query.isFetchNextPageError ? query.error : null}
          onRetryOlder={() => void query.fetchNextPage()}
        />
      ) : query.isError ? (
        isFeatureDisabled(query.error) ? (
          <NotOffered feature="appointments" />
        ) : (
          <LoadFailed error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : (
        <Loading />
      )}
    </TabSection>
  )
}

function Sections({
  view,
  past,
  patientId,
  confirming,
  onConfirm,
  onBooked,
  olderButton,
  olderError,
  onRetryOlder,
}: {
  view: AppointmentsView
  past: Appointment[]
  patientId: number
  confirming: number | undefined
  onConfirm: (appointment: Appointment) => void
  onBooked: (appointment: Appointment, timeZone: string) => void
  olderButton: React.ReactNode
  olderError: unknown
  onRetryOlder: () => void
}) {
  const t = useT()
  const { confirmations, recalls } = view.actionNeeded
  const zoneName = formatTimeZoneName(view.timeZone)
  const awaiting = new Set(confirmations.map((appointment) => appointment.id))
  return (
    <>
      {zoneName ? (
        <p className="muted tab-note">{t('appointments.timesIn', { zone: zoneName })}</p>
      ) : null}
      <TabPanel
        id="action-needed"
        title={t('appointments.actionNeeded')}
        empty={
          confirmations.length === 0 && recalls.length === 0 && t('appointments.nothingNeeded')
        }
      >
        <ul className="item-list">
          {confirmations.map((appointment) => (
            <li key={appointment.id}>
              <AppointmentCard
                appointment={appointment}
                practiceTimeZone={view.timeZone}
                idPrefix="action"
                actions={(headingId) =>
                  appointment.canConfirm ? (
                    <Button
                      className="button"
                      aria-describedby={headingId}
                      isDisabled={confirming !== undefined}
                      onPress={() => onConfirm(appointment)}
                    >
                      {confirming === appointment.id
                        ? t('appointments.confirming')
                        : t('appointments.confirm')}
                    </Button>
                  ) : null
                }
              />
            </li>
          ))}
          {recalls.map((recall) => (
            <li key={`recall-${recall.id}`}>
              <RecallCard
                recall={recall}
                patientId={patientId}
                onBooked={(appointment) =>
                  onBooked(appointment, zoneOf(appointment, view.timeZone))
                }
              />
            </li>
          ))}
        </ul>
      </TabPanel>

      <TabPanel
        id="upcoming"
        title={t('appointments.upcoming')}
        empty={view.upcoming.length === 0 && t('appointments.noUpcoming')}
      >
        <ul className="item-list">
          {view.upcoming.map((appointment) => (
            <li key={appointment.id}>
              <AppointmentCard
                appointment={appointment}
                practiceTimeZone={view.timeZone}
                idPrefix="upcoming"
                actions={(headingId) => (
                  <>
                    <a
                      className="button-link"
                      href={patientApi(patientId, `appointments/${appointment.id}/calendar.ics`)}
                      download="appointment.ics"
                      aria-describedby={headingId}
                    >
                      {t('appointments.addToCalendar')}
                    </a>
                    {awaiting.has(appointment.id) && appointment.canConfirm ? (
                      <span className="muted">{t('appointments.confirmAbove')}</span>
                    ) : null}
                  </>
                )}
              />
            </li>
          ))}
        </ul>
      </TabPanel>

      <TabPanel id="past" title={t('appointments.past')}>
        {past.length === 0 ? (
          <p className="muted">{t('appointments.noPast')}</p>
        ) : (
          <ul className="item-list">
            {past.map((appointment) => (
              <li key={appointment.id}>
                <AppointmentCard
                  appointment={appointment}
                  practiceTimeZone={view.timeZone}
                  idPrefix="past"
                  past
                />
              </li>
            ))}
          </ul>
        )}
        {olderError ? <LoadFailed error={olderError} onRetry={onRetryOlder} /> : null}
        {olderButton ? <p className="item-actions past-more">{olderButton}</p> : null}
      </TabPanel>
    </>
  )
}

function AppointmentCard({
  appointment,
  practiceTimeZone,
  idPrefix,
  actions,
  past = false,
}: {
  appointment: Appointment
  practiceTimeZone: string
  idPrefix: string
  actions?: (headingId: string) => React.ReactNode
  past?: boolean
}) {
  const t = useT()
  const headingId = `${idPrefix}-appointment-${appointment.id}`
  const timeZone = zoneOf(appointment, practiceTimeZone)
  const planned = whatIsPlanned(appointment, t)
  const extra = actions?.(headingId)
  return (
    <article className="item appointment">
      <h4 id={headingId}>
        {t('appointments.dateTime', {
          date: formatAppointmentDate(appointment.startsAt, timeZone),
          time: formatTime(appointment.startsAt, undefined, timeZone),
        })}
      </h4>
      <dl className="facts">
        <dt>{t('appointments.length')}</dt>
        <dd>{formatDuration(appointment.lengthMinutes, t)}</dd>
        <dt>{t('appointments.provider')}</dt>
        <dd>{appointment.provider ?? t('appointments.notAssigned')}</dd>
        <dt>{t('appointments.location')}</dt>
        <dd>
          {appointment.clinic ? (
            <>
              {appointment.clinic.name}
              {(past ? [] : appointment.clinic.addressLines).map((line) => (
                <span key={line} className="address-line">
                  {line}
                </span>
              ))}
            </>
          ) : (
            t('appointments.thePractice')
          )}
        </dd>
        <dt>{past ? t('appointments.done') : t('appointments.planned')}</dt>
        <dd>
          {planned.length === 0 ? (
            <span className="muted">{t('appointments.notRecorded')}</span>
          ) : planned.length === 1 ? (
            planned[0]
          ) : (
            <ul>
              {planned.map((line, index) => (
                // Two identical procedures (sealants on two teeth) differ only by position.
                // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id of their own
                <li key={`${index}-${line}`}>{line}</li>
              ))}
            </ul>
          )}
        </dd>
        {past ? null : (
          <>
            <dt>{t('appointments.status')}</dt>
            <dd>
              <span
                className={appointment.confirmation === 'Confirmed' ? 'badge badge-done' : 'badge'}
              >
                {t(confirmationLabel(appointment.confirmation))}
              </span>
            </dd>
          </>
        )}
      </dl>
      {extra ? <div className="item-actions">{extra}</div> : null}
    </article>
  )
}

function RecallCard({
  recall,
  patientId,
  onBooked,
}: {
  recall: Recall
  patientId: number
  onBooked: (appointment: Appointment) => void
}) {
  const [open, setOpen] = useState(false)
  const t = useT()
  const headingId = useId()
  return (
    <article className="item recall">
      <h4 id={headingId}>{t('appointments.recallTitle', { description: recall.description })}</h4>
      <p>
        {t('appointments.recallDue', {
          date: formatCalendarDate(recall.dueDate),
          length: formatDuration(recall.lengthMinutes, t),
        })}
      </p>
      <div className="item-actions">
        <Button className="button" aria-describedby={headingId} onPress={() => setOpen(true)}>
          {t('appointments.schedule')}
        </Button>
      </div>
      <WhenFirstOpened isOpen={open}>
        <ScheduleDialog
          patientId={patientId}
          recall={recall}
          isOpen={open}
          onOpenChange={setOpen}
          onBooked={(appointment) => {
            setOpen(false)
            onBooked(appointment)
          }}
        />
      </WhenFirstOpened>
    </article>
  )
}
