import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components'
import { isApiError } from '../../ui/api.ts'
import { Fact } from '../../ui/fact.tsx'
import { formatCalendarDate } from '../../ui/i18n/format.ts'
import { useLanguage, useT } from '../../ui/i18n/i18n.tsx'
import { ErrorAlert, InfoNotice } from '../../ui/notice.tsx'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { SubmitButton } from '../../ui/submit-button.tsx'
import { Announcements, failed, useAnnouncedMutation } from '../Announcements.tsx'
import { fullName, missingDataSentence, patientStatusLabel, statusBlocksSignIn } from '../labels.ts'
import {
  fetchPatientAccess,
  type IssuedCredentials,
  PATIENTS_KEY,
  type PatientWithAccess,
  patientAccessKey,
  provideAccess,
  removeAccess,
  resetPassword,
  resetSecondFactor,
  unlockVerification,
} from '../office-api.ts'
import { TimeZoneNote, usePracticeDateTime } from '../practice-time.tsx'
import { ConfirmButton } from './ConfirmButton.tsx'
import { CredentialsCard } from './CredentialsCard.tsx'

export interface Announcement {
  kind: 'success' | 'error'
  text: string
}

/** One patient's online access: what it is, and what the office can do about it. */
export function PatientAccessPanel({ patientId }: { patientId: number }) {
  const queryClient = useQueryClient()
  const patient = useQuery({
    queryKey: patientAccessKey(patientId),
    queryFn: ({ signal }) => fetchPatientAccess(patientId, signal),
  })
  const [credentials, setCredentials] = useState<IssuedCredentials | null>(null)
  const [announcement, setAnnouncement] = useState<Announcement | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const headingId = useId()
  const t = useT()
  const { language } = useLanguage()

  // Choosing a patient moves focus here, so keyboard and screen-reader users land on the panel.
  const loaded = patient.isSuccess
  useEffect(() => {
    if (loaded) heading.current?.focus()
  }, [loaded])

  async function refresh() {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: patientAccessKey(patientId) }),
      queryClient.invalidateQueries({ queryKey: PATIENTS_KEY }),
    ])
  }

  if (patient.isPending) return <Loading label={t('office.access.loadingPatient')} />
  if (patient.isError) {
    if (isApiError(patient.error) && patient.error.status === 404) {
      return <ErrorAlert>{t('office.access.notFound')}</ErrorAlert>
    }
    return <LoadFailed error={patient.error} onRetry={() => void patient.refetch()} />
  }

  const data = patient.data
  const name = fullName(data)
  return (
    <section className="access-panel surface" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {name}
      </h2>
      <p className="panel-facts">
        <span>
          {data.birthdate
            ? t('office.access.born', { date: formatCalendarDate(data.birthdate) })
            : t('office.access.bornUnknown')}
        </span>
        <span>{patientStatusLabel(data.status, t)}</span>
        <span>{data.hasEmail ? t('office.access.hasEmail') : t('office.access.noEmail')}</span>
      </p>
      {statusBlocksSignIn(data.status) ? (
        <InfoNotice>
          {t('office.access.statusBlocks', { status: patientStatusLabel(data.status, t) })}
        </InfoNotice>
      ) : null}

      <Announcements announcement={announcement} />

      {credentials ? (
        <CredentialsCard
          patient={data}
          credentials={credentials}
          announce={setAnnouncement}
          onDone={() => {
            setCredentials(null)
            setAnnouncement(null)
            heading.current?.focus()
          }}
        />
      ) : null}

      {data.access ? (
        <AccessDetails
          patient={data}
          onReset={(issued) => {
            setCredentials(issued)
            setAnnouncement({ kind: 'success', text: t('office.access.newPassword') })
            void refresh()
          }}
          onRemoved={() => {
            setCredentials(null)
            setAnnouncement({ kind: 'success', text: t('office.access.removed', { name }) })
            void refresh().then(() => heading.current?.focus())
          }}
          announce={setAnnouncement}
        />
      ) : data.missing.length > 0 ? (
        <div className="notice notice-info">
          <p>{t('office.access.cannotYet')}</p>
          <p>{missingDataSentence(data.missing, t, language)}</p>
        </div>
      ) : (
        <ProvideAccessForm
          patient={data}
          onProvided={(issued) => {
            setCredentials(issued)
            setAnnouncement({ kind: 'success', text: t('office.access.provided', { name }) })
            void refresh()
          }}
          announce={setAnnouncement}
        />
      )}
    </section>
  )
}

function ProvideAccessForm({
  patient,
  onProvided,
  announce,
}: {
  patient: PatientWithAccess
  onProvided: (credentials: IssuedCredentials) => void
  announce: (announcement: Announcement | null) => void
}) {
  const [username, setUsername] = useState('')
  const t = useT()
  const provide = useMutation({
    mutationFn: (wanted: string) => provideAccess(patient.id, wanted),
    onMutate: () => announce(null),
    onSuccess: onProvided,
    onError: (error) => {
      // A field error is shown next to the field; anything else above the form.
      if (isApiError(error) && error.errors.username) return
      announce(failed(error, t('office.access.providing'), t))
    },
  })

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!provide.isPending) provide.mutate(username)
  }

  // The server's word on a user name holds until the user name is changed.
  const fieldErrors =
    isApiError(provide.error) && provide.variables === username ? provide.error.errors : {}
  return (
    <Form
      className="form provide-form"
      onSubmit={submit}
      validationErrors={fieldErrors}
      // ARIA, not the browser's own checks, which would block a corrected user name from sending.
      validationBehavior="aria"
      aria-label={t('office.access.provide')}
    >
      <p>{t('office.access.noneYet', { name: patient.firstName })}</p>
      <TextField
        className="field"
        name="username"
        value={username}
        onChange={setUsername}
        maxLength={40}
        autoComplete="off"
      >
        <Label>{t('office.access.userNameOptional')}</Label>
        <Input autoCapitalize="none" autoCorrect="off" spellCheck={false} />
        <Text slot="description" className="field-description">
          {t('office.access.userNameHelp')}
        </Text>
        <FieldError className="field-error" />
      </TextField>
      {/* Not isPending: the button is gone on success, and its announcement would dangle. */}
      <SubmitButton isPending={provide.isPending} pendingLabel={t('office.access.providingNow')}>
        {t('office.access.provide')}
      </SubmitButton>
    </Form>
  )
}

function AccessDetails({
  patient,
  onReset,
  onRemoved,
  announce,
}: {
  patient: PatientWithAccess
  onReset: (credentials: IssuedCredentials) => void
  onRemoved: () => void
  announce: (announcement: Announcement | null) => void
}) {
  const access = patient.access
  const name = fullName(patient)
  const t = useT()
  const dateTime = usePracticeDateTime()
  const reset = useAnnouncedMutation(announce, t('office.access.resettingPassword'), {
    mutationFn: () => resetPassword(patient.id),
    onSuccess: onReset,
  })
  const queryClient = useQueryClient()
  const unlock = useAnnouncedMutation(announce, t('office.access.unlocking'), {
    mutationFn: () => unlockVerification(patient.id),
    onSuccess: (updated) => {
      queryClient.setQueryData(patientAccessKey(patient.id), updated)
      announce({ kind: 'success', text: t('office.access.unlocked', { name }) })
    },
  })
  const resetTwoStep = useAnnouncedMutation(announce, t('office.access.resettingTwoStep'), {
    mutationFn: () => resetSecondFactor(patient.id),
    onSuccess: (updated) => {
      queryClient.setQueryData(patientAccessKey(patient.id), updated)
      announce({ kind: 'success', text: t('office.access.twoStepReset', { name }) })
    },
  })
  const remove = useAnnouncedMutation(announce, t('office.access.removing'), {
    mutationFn: () => removeAccess(patient.id),
    onSuccess: onRemoved,
  })
  if (!access) return null

  return (
    <div className="access-details">
      <h3>{t('office.access.online')}</h3>
      <dl className="facts">
        <Fact label={t('office.common.userName')} valueClassName="username">
          {access.username}
        </Fact>
        <Fact label={t('office.access.signIn')}>
          {access.awaitingFirstSignIn
            ? t('office.access.awaiting')
            : access.lastSignInAt
              ? t('office.access.lastSignedIn', { date: dateTime(access.lastSignInAt) })
              : t('office.access.notSignedIn')}
        </Fact>
        {access.verificationLocked ? (
          <Fact label={t('office.access.identityCheck')}>{t('office.access.locked')}</Fact>
        ) : null}
      </dl>
      {access.lastSignInAt && !access.awaitingFirstSignIn ? <TimeZoneNote /> : null}
      <div className="actions">
        {access.verificationLocked ? (
          // Not isPending: the button is gone on success (see ConfirmButton); a second press waits.
          <Button className="button" onPress={() => unlock.isPending || unlock.mutate()}>
            {unlock.isPending ? t('office.access.unlockingNow') : t('office.access.unlock')}
          </Button>
        ) : null}
        <ConfirmButton
          label={t('office.access.resetPassword')}
          pendingLabel={t('office.access.resettingNow')}
          title={t('office.access.resetPasswordTitle')}
          mutation={reset}
        >
          <p>{t('office.access.resetPasswordBody', { name })}</p>
        </ConfirmButton>
        <ConfirmButton
          label={t('office.access.resetTwoStep')}
          pendingLabel={t('office.access.resettingNow')}
          title={t('office.access.resetTwoStepTitle')}
          mutation={resetTwoStep}
        >
          <p>{t('office.access.resetTwoStepBody', { name })}</p>
        </ConfirmButton>
        <ConfirmButton
          label={t('office.access.remove')}
          pendingLabel={t('office.access.removingNow')}
          title={t('office.access.removeTitle')}
          danger
          mutation={remove}
        >
          <p>{t('office.access.removeBody', { name })}</p>
        </ConfirmButton>
      </div>
    </div>
  )
}
