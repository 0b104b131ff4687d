import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { Button } from 'react-aria-components'
import { Fact } from '../../ui/fact.tsx'
import { type Translate, useT } from '../../ui/i18n/i18n.tsx'
import { QueryStatus } from '../../ui/status.tsx'
import { emailKindLabel, emailStatusLabel } from '../labels.ts'
import { fetchOutgoingEmails, OUTGOING_EMAILS_KEY, type OutgoingEmail } from '../office-api.ts'
import { TimeZoneNote, usePracticeDateTime } from '../practice-time.tsx'
import './outgoing-email.css'

/**
 * Outgoing email (administrators): what the portal sent, newest first. One-time passwords and
 * reset codes are never shown: only the email sent to the patient has them. Without a mail server
 * the office gives a patient a one-time password on Patient Portal Access instead.
 */
export function OutgoingEmailPage() {
  const t = useT()
  const dateTime = usePracticeDateTime()
  const emails = useQuery({
    queryKey: OUTGOING_EMAILS_KEY,
    queryFn: ({ signal }) => fetchOutgoingEmails(signal),
    refetchOnMount: 'always',
  })

  return (
    <>
      <TimeZoneNote />
      <div className="email-toolbar bar">
        <p className="status" role="status">
          {emails.isFetching
            ? t('office.email.loading')
            : emails.isSuccess
              ? t('office.email.summary', {
                  count: emails.data.length,
                  date: dateTime(new Date(emails.dataUpdatedAt)),
                })
              : ''}
        </p>
        <Button
          className="button button-secondary button-small"
          // Neither isPending nor disabled while loading: React Aria announces a pending button by
          // its id, an announcement that outlives the button when the page is left at once (axe:
          // role-img-alt), and a disabled button drops the keyboard focus. The status says it.
          onPress={() => {
            if (!emails.isFetching) void emails.refetch()
          }}
        >
          {t('office.email.refresh')}
        </Button>
      </div>
      <QueryStatus query={emails} />
      {emails.isSuccess && emails.data.length === 0 ? <p>{t('office.email.none')}</p> : null}
      {emails.isSuccess && emails.data.length > 0 ? (
        <ol className="email-list">
          {emails.data.map((email) => (
            <li key={email.id}>
              <EmailItem email={email} />
            </li>
          ))}
        </ol>
      ) : null}
    </>
  )
}

function EmailItem({ email }: { email: OutgoingEmail }) {
  const t = useT()
  const dateTime = usePracticeDateTime()
  const headingId = useId()
  return (
    <article className="email surface" aria-labelledby={headingId}>
      <h2 id={headingId} className="email-subject">
        {email.subject}
      </h2>
      <dl className="email-facts">
        <Fact label={t('office.email.date')}>{dateTime(email.createdAt)}</Fact>
        <Fact label={t('office.email.to')}>{email.to}</Fact>
        <Fact label={t('office.email.kind')}>{emailKindLabel(email.kind, t)}</Fact>
        <Fact
          label={t('office.email.status')}
          valueClassName={`email-status email-status-${email.status}`}
        >
          {emailStatusLabel(email.status, t)}
          {email.sentAt ? `, ${dateTime(email.sentAt)}` : ''}
        </Fact>
        {email.error ? <Fact label={t('office.email.error')}>{email.error}</Fact> : null}
      </dl>
      <pre className="email-body">{email.text}</pre>
      {email.carriesSecret ? <p className="email-note">{secretNote(email.status, t)}</p> : null}
    </article>
  )
}

function secretNote(status: string, t: Translate): string {
  return status === 'stored' ? t('office.email.storedNote') : t('office.email.secretNote')
}
