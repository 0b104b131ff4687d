import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { Button } from 'react-aria-components'
import { formatDateTime } from '../../ui/i18n/format.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { ConsolePage } from '../ConsolePage.tsx'
import { emailKindLabel, emailStatusLabel } from '../labels.ts'
import { fetchOutgoingEmails, OUTGOING_EMAILS_KEY, type OutgoingEmail } from '../office-api.ts'
import './outgoing-email.css'

/**
 * Outgoing email (administrators): what the portal sent, newest first. One-time passwords and
 * reset codes are never shown: only the email sent to the patient has them. Without a mail server
 * the office gives a patient a one-time password on Patient Portal Access instead.
 */
export function OutgoingEmailPage() {
  return (
    <ConsolePage title="Outgoing email" action="outgoing-email.read">
      <EmailList />
    </ConsolePage>
  )
}

function EmailList() {
  const emails = useQuery({
    queryKey: OUTGOING_EMAILS_KEY,
    queryFn: ({ signal }) => fetchOutgoingEmails(signal),
    refetchOnMount: 'always',
  })

  return (
    <>
      <div className="email-toolbar">
        <p className="status" role="status">
          {emails.isFetching
            ? 'Loading the emails…'
            : emails.isSuccess
              ? `${countLabel(emails.data.length)}, newest first. Updated ${formatDateTime(new Date(emails.dataUpdatedAt))}.`
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
          Refresh
        </Button>
      </div>
      {emails.isPending ? <Loading /> : null}
      {emails.isError ? (
        <LoadFailed error={emails.error} onRetry={() => void emails.refetch()} />
      ) : null}
      {emails.isSuccess && emails.data.length === 0 ? <p>No emails have been sent yet.</p> : null}
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

function countLabel(count: number): string {
  return count === 1 ? '1 email' : `${count} emails`
}

function EmailItem({ email }: { email: OutgoingEmail }) {
  const t = useT()
  const headingId = useId()
  return (
    <article className="email" aria-labelledby={headingId}>
      <h2 id={headingId} className="email-subject">
        {email.subject}
      </h2>
      <dl className="email-facts">
        <div>
          <dt>Date</dt>
          <dd>{formatDateTime(email.createdAt)}</dd>
        </div>
        <div>
          <dt>To</dt>
          <dd>{email.to}</dd>
        </div>
        <div>
          <dt>Kind</dt>
          <dd>{emailKindLabel(email.kind, t)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd className={`email-status email-status-${email.status}`}>
            {emailStatusLabel(email.status, t)}
            {email.sentAt ? `, ${formatDateTime(email.sentAt)}` : ''}
          </dd>
        </div>
        {email.error ? (
          <div>
            <dt>Error</dt>
            <dd>{email.error}</dd>
          </div>
        ) : null}
      </dl>
      <pre className="email-body">{email.text}</pre>
      {email.carriesSecret ? <p className="email-note">{secretNote(email.status)}</p> : null}
    </article>
  )
}

function secretNote(status: string): string {
  if (status === 'stored') {
    return 'No mail server is set up, so this email reached no one and its code was not kept. To help the patient sign in, give them a new one-time password on Patient Portal Access.'
  }
  return 'Its code or password is only in the email sent to the patient, never kept here.'
}
