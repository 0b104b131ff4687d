import { useEffect, useId, useRef, useState } from 'react'
import { Button } from 'react-aria-components'
import { useT } from '../../ui/i18n/i18n.tsx'
import { MutationButton } from '../../ui/mutation-button.tsx'
import { useAnnouncedMutation } from '../Announcements.tsx'
import { fullName } from '../labels.ts'
import { CredentialList } from '../OneTimeSecret.tsx'
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
  const t = useT()
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

  const print = useAnnouncedMutation(announce, t('office.credentials.making'), {
    mutationFn: () => accessLetter(patient.id, credentials.oneTimePassword),
    onSuccess: (pdf) => {
      const url = URL.createObjectURL(pdf)
      setLetterUrl(url)
      const opened = window.open(url, '_blank')
      announce({
        kind: 'success',
        text: opened ? t('office.credentials.letterOpened') : t('office.credentials.letterReady'),
      })
    },
  })

  const invite = useAnnouncedMutation(announce, t('office.credentials.emailing'), {
    mutationFn: () => emailInvitation(patient.id, credentials.oneTimePassword),
    onSuccess: (answer) =>
      announce({
        kind: 'success',
        text: t('office.credentials.invited', {
          message: answer.message,
          name: fullName(patient),
        }),
      }),
  })

  return (
    <section className="credentials" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('office.credentials.heading', { name: patient.firstName })}
      </h3>
      <CredentialList
        facts={[
          { label: t('office.common.userName'), value: credentials.username },
          { label: t('office.credentials.oneTimePassword'), value: credentials.oneTimePassword },
        ]}
      />
      <p className="credentials-note">
        {t('office.credentials.note', { strong: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <div className="actions">
        <MutationButton
          className="button"
          mutation={print}
          label={t('office.credentials.print')}
          pendingLabel={t('office.credentials.makingNow')}
        />
        <MutationButton
          className="button button-secondary"
          mutation={invite}
          pendingLabel={t('office.common.sending')}
          isDisabled={!patient.hasEmail}
          aria-describedby={patient.hasEmail ? undefined : noEmailId}
          label={t('office.credentials.emailInvitation')}
        />
        <Button className="button button-secondary" onPress={onDone}>
          {t('office.common.done')}
        </Button>
      </div>
      {patient.hasEmail ? null : (
        <p id={noEmailId} className="field-description">
          {t('office.credentials.noEmail')}
        </p>
      )}
      {letterUrl ? (
        <p>
          <a href={letterUrl} target="_blank" rel="noopener" download="portal-access-letter.pdf">
            {t('office.credentials.download')}
          </a>
        </p>
      ) : null}
    </section>
  )
}
