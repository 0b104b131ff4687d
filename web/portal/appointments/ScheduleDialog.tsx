import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { getJson, isApiError, postJson } from '../../ui/api.ts'
import { CloseButton, DialogActions, DialogShell } from '../../ui/dialog.tsx'
import { formatAppointmentDate, formatMinutes, formatTime } from '../../ui/i18n/format.ts'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { ProblemAlert } from '../problem-alert.tsx'
import { patientApi, patientKey } from '../tab-parts.tsx'
import { type Appointment, groupOpenTimesByDay, type OpenTime, type Recall } from './rules.ts'

/** Days shown at first; "Show more days" adds as many again. */
const DAYS_AT_A_TIME = 5

export const TAKEN_MESSAGE =
  'Someone booked this time a moment ago. Please choose another time from the list below.'

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
  return (
    <DialogShell
      title="Schedule appointment"
      size="medium"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
    >
      <p>
        {recall.description}, {formatMinutes(recall.lengthMinutes)}. Choose a time that suits you.
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
        <h3>Book this time?</h3>
        <p>
          <strong>
            {formatAppointmentDate(chosen.startsAt, zone)} at{' '}
            {formatTime(chosen.startsAt, undefined, zone)}
          </strong>
          <br />
          {formatMinutes(chosen.lengthMinutes)} with {chosen.provider.name} at {chosen.clinic.name}
        </p>
        {book.isError && !taken ? <ProblemAlert key={book.submittedAt} error={book.error} /> : null}
        <div className="item-actions">
          <Button
            className="button"
            isDisabled={book.isPending}
            onPress={() => book.mutate(chosen)}
          >
            {book.isPending ? 'Booking…' : 'Book this time'}
          </Button>
          <Button
            className="button button-secondary"
            isDisabled={book.isPending}
            onPress={() => setChosen(null)}
          >
            Choose another time
          </Button>
        </div>
      </div>
    )
  }

  const groups = openTimes.data ? groupOpenTimesByDay(openTimes.data) : []
  return (
    <div className="open-times">
      {taken ? (
        <div className="notice notice-error" role="alert">
          <p>{TAKEN_MESSAGE}</p>
        </div>
      ) : null}
      {openTimes.isError ? (
        <LoadFailed error={openTimes.error} onRetry={() => void openTimes.refetch()} />
      ) : openTimes.isPending ? (
        <Loading label="Loading open times…" />
      ) : groups.length === 0 ? (
        <p>
          There are no open times online in the next weeks. Please call the office to book this
          visit.
        </p>
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
                Show more days
              </Button>
            </p>
          ) : null}
        </>
      )}
    </div>
  )
}
