import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { getJson, isApiError, postJson } from '../../ui/api.ts'
import { CloseButton, DialogActions, DialogShell } from '../../ui/dialog.tsx'
import { formatDuration } from '../../ui/i18n/duration.ts'
import { formatAppointmentDate, formatTime } from '../../ui/i18n/format.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { ErrorAlert } from '../../ui/notice.tsx'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { ProblemAlert } from '../problem-alert.tsx'
import { patientApi, patientKey } from '../tab-parts.tsx'
import { type Appointment, groupOpenTimesByDay, type OpenTime, type Recall } from './rules.ts'

/** Days shown at first; "Show more days" adds as many again. */
const DAYS_AT_A_TIME = 5

/** Schedule appointment: the practice's open times for a recall, by day; pick one and book it. */
export function ScheduleDialog({
  patientId,
  recall,
  isOpen,
  onOpenChange,
  onBooked,
}: {
  patientId: number
  recall: Recall
  isOpen: boolean
  onOpenChange: (isOpen: boolean) => void
  onBooked: (appointment: Appointment) => void
}) {
  const t = useT()
  return (
    <DialogShell
      title={t('appointments.schedule')}
      size="medium"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
    >
      <p>
        {t('schedule.intro', {
          description: recall.description,
          length: formatDuration(recall.lengthMinutes, t),
        })}
      </p>
      <OpenTimes patientId={patientId} recall={recall} onBooked={onBooked} />
      <DialogActions>
        <CloseButton />
      </DialogActions>
    </DialogShell>
  )
}

function OpenTimes({
  patientId,
  recall,
  onBooked,
}: {
  patientId: number
  recall: Recall
  onBooked: (appointment: Appointment) => void
}) {
  const t = useT()
  const [chosen, setChosen] = useState<OpenTime | null>(null)
  const [taken, setTaken] = useState(false)
  const [days, setDays] = useState(DAYS_AT_A_TIME)
  const openTimes = useQuery({
    queryKey: patientKey(patientId, 'appointments', 'open-times', recall.id),
    queryFn: ({ signal }) =>
      getJson<OpenTime[]>(patientApi(patientId, `recalls/${recall.id}/open-times`), signal),
    staleTime: 0,
  })
  const book = useMutation({
    mutationFn: (time: OpenTime) =>
      postJson<Appointment>(patientApi(patientId, `recalls/${recall.id}/book`), {
        openTimeId: time.id,
      }),
    onMutate: () => setTaken(false),
    onSuccess: onBooked,
    onError: (error) => {
      if (isApiError(error) && error.type.endsWith('open-time-taken')) {
        setTaken(true)
        setChosen(null)
        void openTimes.refetch()
      }
    },
  })

  if (chosen) {
    const zone = chosen.clinic.timeZone
    return (
      <div className="chosen-time">
        <h3>{t('schedule.confirmTitle')}</h3>
        <p>
          <strong>
            {t('schedule.when', {
              date: formatAppointmentDate(chosen.startsAt, zone),
              time: formatTime(chosen.startsAt, undefined, zone),
            })}
          </strong>
          <br />
          {t('schedule.lengthWithWhere', {
            length: formatDuration(chosen.lengthMinutes, t),
            provider: chosen.provider.name,
            clinic: chosen.clinic.name,
          })}
        </p>
        {book.isError && !taken ? <ProblemAlert key={book.submittedAt} error={book.error} /> : null}
        <div className="item-actions">
          <Button
            className="button"
            isDisabled={book.isPending}
            onPress={() => book.mutate(chosen)}
          >
            {book.isPending ? t('schedule.booking') : t('schedule.book')}
          </Button>
          <Button
            className="button button-secondary"
            isDisabled={book.isPending}
            onPress={() => setChosen(null)}
          >
            {t('schedule.chooseAnother')}
          </Button>
        </div>
      </div>
    )
  }

  const groups = openTimes.data ? groupOpenTimesByDay(openTimes.data) : []
  return (
    <div className="open-times">
      {taken ? <ErrorAlert>{t('schedule.taken')}</ErrorAlert> : null}
      {openTimes.isError ? (
        <LoadFailed error={openTimes.error} onRetry={() => void openTimes.refetch()} />
      ) : openTimes.isPending ? (
        <Loading />
      ) : groups.length === 0 ? (
        <p>{t('schedule.none')}</p>
      ) : (
        <>
          {groups.slice(0, days).map((group) => (
            <section key={group.day} aria-labelledby={`open-day-${recall.id}-${group.day}`}>
              <h3 id={`open-day-${recall.id}-${group.day}`}>
                {formatAppointmentDate(group.firstStartsAt, group.timeZone)}
              </h3>
              <ul className="open-time-list">
                {group.times.map((time) => (
                  <li key={time.id}>
                    <Button className="open-time" onPress={() => setChosen(time)}>
                      <span className="open-time-when">
                        {formatTime(time.startsAt, undefined, time.clinic.timeZone)}
                      </span>
                      <span className="open-time-who">
                        {time.provider.name}, {time.clinic.name}
                      </span>
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {groups.length > days ? (
            <p>
              <Button
                className="button button-secondary"
                onPress={() => setDays((shown) => shown + DAYS_AT_A_TIME)}
              >
                {t('schedule.moreDays')}
              </Button>
            </p>
          ) : null}
        </>
      )}
    </div>
  )
}
