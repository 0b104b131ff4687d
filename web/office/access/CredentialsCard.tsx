import { useMutation } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import { Button } from 'react-aria-components'
import { actionFailureMessage, fullName } from '../labels.ts'
import {
  accessLetter,
  emailInvitation,
  type IssuedCredentials,
  type PatientWithAccess,
} from '../office-api.ts'
import type { Announcement } from './PatientAccessPanel.tsx'

/**
 * The user name and one-time password, shown this once: the server keeps only a hash, so the
 * letter and the invitation can only be made while this card is open.
 */
export function CredentialsCard({
  patient,
  credentials,
  announce,
  onDone,
}: {
  patient: PatientWithAccess
  credentials: IssuedCredentials
  announce: (announcement: Announcement | null) => void
  onDone: () => void
}) {
  const headingId = useId()
  const noEmailId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const [letterUrl, setLetterUrl] = useState<string | null>(null)

  useEffect(() => {
    heading.current?.focus()
  }, [])
  // The letter holds the password: its object URL lives no longer than this card.
  useEffect(() => {
    if (!letterUrl) return
    return () => URL.revokeObjectURL(letterUrl)
  }, [letterUrl])

  const print = useMutation({
    mutationFn: () => accessLetter(patient.id, credentials.oneTimePassword),
    onMutate: () => announce(null),
    onSuccess: (pdf) => {
      const url = URL.createObjectURL(pdf)
      setLetterUrl(url)
      const opened = window.open(url, '_blank')
      announce({
        kind: 'success',
        text: opened
          ? 'The access letter opened in a new tab. Print it from there.'
          : 'The access letter is ready. Open it with the link below to print it.',
      })
    },
    onError: (error) =>
      announce({ kind: 'error', text: actionFailureMessage(error, 'Making the access letter') }),
  })

  const invite = useMutation({
    mutationFn: () => emailInvitation(patient.id, credentials.oneTimePassword),
    onMutate: () => announce(null),
    onSuccess: (answer) =>
      announce({
        kind: 'success',
        text: `${answer.message} It goes to the email address on file for ${fullName(patient)}.`,
      }),
    onError: (error) =>
      announce({ kind: 'error', text: actionFailureMessage(error, 'Emailing the invitation') }),
  })

  return (
    <section className="credentials" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        Sign-in details for {patient.firstName}
      </h3>
      <dl className="credentials-list">
        <div>
          <dt>User name</dt>
          <dd className="credential">{credentials.username}</dd>
        </div>
        <div>
          <dt>One-time password</dt>
          <dd className="credential">{credentials.oneTimePassword}</dd>
        </div>
      </dl>
      <p className="credentials-note">
        <strong>This password will not be shown again.</strong> Print the access letter or email the
        invitation now. At the first sign-in the patient chooses their own password.
      </p>
      <div className="actions">
        {/* Not isPending, nor disabled while working: see ConfirmButton. */}
        <Button
          className="button"
          onPress={() => {
            if (!print.isPending) print.mutate()
          }}
        >
          {print.isPending ? 'Making the letter…' : 'Print'}
        </Button>
        <Button
          className="button button-secondary"
          onPress={() => {
            if (!invite.isPending) invite.mutate()
          }}
          isDisabled={!patient.hasEmail}
          aria-describedby={patient.hasEmail ? undefined : noEmailId}
        >
          {invite.isPending ? 'Sending…' : 'Email invitation'}
        </Button>
        <Button className="button button-secondary" onPress={onDone}>
          Done
        </Button>
      </div>
      {patient.hasEmail ? null : (
        <p id={noEmailId} className="field-description">
          Email invitation is not available: there is no email address on file for this patient. Add
          one in the practice-management system, or print the letter.
        </p>
      )}
      {letterUrl ? (
        <p>
          <a href={letterUrl} target="_blank" rel="noopener" download="portal-access-letter.pdf">
            Download the access letter (PDF)
          </a>
        </p>
      ) : null}
    </section>
  )
}
