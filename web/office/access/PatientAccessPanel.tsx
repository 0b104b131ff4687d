import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components'
import { isApiError } from '../../ui/api.ts'
import { formatCalendarDate, formatDateTime } from '../../ui/i18n/format.ts'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { Announcements } from '../Announcements.tsx'
import {
  actionFailureMessage,
  fullName,
  missingDataSentence,
  patientStatusLabel,
  statusBlocksSignIn,
} from '../labels.ts'
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

  if (patient.isPending) return <Loading label="Loading the patient…" />
  if (patient.isError) {
    if (isApiError(patient.error) && patient.error.status === 404) {
      return (
        <div className="notice notice-error" role="alert">
          <p>This patient was not found. Search for the patient again.</p>
        </div>
      )
    }
    return <LoadFailed error={patient.error} onRetry={() => void patient.refetch()} />
  }

  const data = patient.data
  const name = fullName(data)
  return (
    <section className="access-panel" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {name}
      </h2>
      <p className="panel-facts">
        <span>
          Born {data.birthdate ? formatCalendarDate(data.birthdate) : '(birthdate not on file)'}
        </span>
        <span>{patientStatusLabel(data.status)}</span>
        <span>{data.hasEmail ? 'Email address on file' : 'No email address on file'}</span>
      </p>
      {statusBlocksSignIn(data.status) ? (
        <div className="notice notice-info">
          <p>
            Patients with the status {patientStatusLabel(data.status)} cannot sign in to the portal,
            even with online access.
          </p>
        </div>
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
            setAnnouncement({ kind: 'success', text: `A new one-time password was issued.` })
            void refresh()
          }}
          onRemoved={() => {
            setCredentials(null)
            setAnnouncement({ kind: 'success', text: `Online access was removed for ${name}.` })
            void refresh().then(() => heading.current?.focus())
          }}
          announce={setAnnouncement}
        />
      ) : data.missing.length > 0 ? (
        <div className="notice notice-info">
          <p>This patient cannot be given online access yet.</p>
          <p>{missingDataSentence(data.missing)}</p>
        </div>
      ) : (
        <ProvideAccessForm
          patient={data}
          onProvided={(issued) => {
            setCredentials(issued)
            setAnnouncement({ kind: 'success', text: `Online access was provided for ${name}.` })
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
  const provide = useMutation({
    mutationFn: (wanted: string) => provideAccess(patient.id, wanted),
    onMutate: () => announce(null),
    onSuccess: onProvided,
    onError: (error) => {
      // A field error is shown next to the field; anything else above the form.
      if (isApiError(error) && error.errors.username) return
      announce({ kind: 'error', text: actionFailureMessage(error, 'Providing online access') })
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
      aria-label="Provide online access"
    >
      <p>{patient.firstName} has no online access yet.</p>
      <TextField
        className="field"
        name="username"
        value={username}
        onChange={setUsername}
        maxLength={40}
        autoComplete="off"
      >
        <Label>User name (optional)</Label>
        <Input autoCapitalize="none" autoCorrect="off" spellCheck={false} />
        <Text slot="description" className="field-description">
          Leave blank for a suggestion: the first name plus a few digits. Letters, digits and . _ -
          @ only.
        </Text>
        <FieldError className="field-error" />
      </TextField>
      {/* Not isPending: the button is gone on success, and its announcement would dangle. */}
      <Button className="button" type="submit">
        {provide.isPending ? 'Providing online access…' : 'Provide online access'}
      </Button>
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
  const reset = useMutation({
    mutationFn: () => resetPassword(patient.id),
    onMutate: () => announce(null),
    onSuccess: onReset,
    onError: (error) =>
      announce({ kind: 'error', text: actionFailureMessage(error, 'Resetting the password') }),
  })
  const queryClient = useQueryClient()
  const unlock = useMutation({
    mutationFn: () => unlockVerification(patient.id),
    onMutate: () => announce(null),
    onSuccess: (updated) => {
      queryClient.setQueryData(patientAccessKey(patient.id), updated)
      announce({ kind: 'success', text: `${name} can verify their information again.` })
    },
    onError: (error) =>
      announce({ kind: 'error', text: actionFailureMessage(error, 'Unlocking the account') }),
  })
  const resetTwoStep = useMutation({
    mutationFn: () => resetSecondFactor(patient.id),
    onMutate: () => announce(null),
    onSuccess: (updated) => {
      queryClient.setQueryData(patientAccessKey(patient.id), updated)
      announce({ kind: 'success', text: `${name}'s two-step sign-in was reset.` })
    },
    onError: (error) =>
      announce({
        kind: 'error',
        text: actionFailureMessage(error, 'Resetting two-step sign-in'),
      }),
  })
  const remove = useMutation({
    mutationFn: () => removeAccess(patient.id),
    onMutate: () => announce(null),
    onSuccess: onRemoved,
    onError: (error) =>
      announce({ kind: 'error', text: actionFailureMessage(error, 'Removing online access') }),
  })
  if (!access) return null

  return (
    <div className="access-details">
      <h3>Online access</h3>
      <dl className="facts">
        <div>
          <dt>User name</dt>
          <dd className="username">{access.username}</dd>
        </div>
        <div>
          <dt>Sign-in</dt>
          <dd>
            {access.awaitingFirstSignIn
              ? 'Awaiting first sign-in'
              : access.lastSignInAt
                ? `Last signed in ${formatDateTime(access.lastSignInAt)}`
                : 'Has not signed in yet'}
          </dd>
        </div>
        {access.verificationLocked ? (
          <div>
            <dt>Identity check</dt>
            <dd>Locked after 3 wrong answers</dd>
          </div>
        ) : null}
      </dl>
      <div className="actions">
        {access.verificationLocked ? (
          // Not isPending: the button is gone on success (see ConfirmButton); a second press waits.
          <Button className="button" onPress={() => unlock.isPending || unlock.mutate()}>
            {unlock.isPending ? 'Unlocking…' : 'Unlock identity check'}
          </Button>
        ) : null}
        <ConfirmButton
          label="Reset password"
          pendingLabel="Resetting…"
          title="Reset the password?"
          confirmLabel="Reset password"
          isPending={reset.isPending}
          onConfirm={() => reset.mutate()}
        >
          <p>
            {name} gets a new one-time password, is signed out everywhere, and must choose a new
            password at the next sign-in. The current password stops working now.
          </p>
        </ConfirmButton>
        <ConfirmButton
          label="Reset two-step sign-in"
          pendingLabel="Resetting…"
          title="Reset two-step sign-in?"
          confirmLabel="Reset two-step sign-in"
          isPending={resetTwoStep.isPending}
          onConfirm={() => resetTwoStep.mutate()}
        >
          <p>
            {name}'s authenticator app and recovery codes are removed, so the password alone signs
            in until they add an app again. They are told by email.
          </p>
        </ConfirmButton>
        <ConfirmButton
          label="Remove access"
          pendingLabel="Removing…"
          title="Remove online access?"
          confirmLabel="Remove access"
          danger
          isPending={remove.isPending}
          onConfirm={() => remove.mutate()}
        >
          <p>
            {name} is signed out everywhere and can no longer sign in to the portal. You can provide
            access again later.
          </p>
        </ConfirmButton>
      </div>
    </div>
  )
}
