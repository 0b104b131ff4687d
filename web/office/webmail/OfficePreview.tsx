import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { Button } from 'react-aria-components'
import { replySubject } from '../../../server/practice/messages/rules.ts'
import { getJson, postJson } from '../../ui/api.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { NativeSelect } from '../../ui/native-select.tsx'
import { ErrorAlert } from '../../ui/notice.tsx'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { usePracticeDateTime } from '../practice-time.tsx'
import { MessageForm } from './MessageForm.tsx'
import { type OfficeBox, type OfficeMessage, WEBMAIL_API, WEBMAIL_KEY } from './webmail-api.ts'

/**
 * The message chosen in the list, below it: opening it marks it read; staff reply, mark it
 * unread or handled, or assign it to a colleague, and each change is said aloud.
 */
export function OfficePreview({
  messageId,
  colleagues,
}: {
  messageId: number
  colleagues: OfficeBox['colleagues']
}) {
  const client = useQueryClient()
  const message = useQuery({
    queryKey: [...WEBMAIL_KEY, 'message', messageId],
    queryFn: ({ signal }) => getJson<OfficeMessage>(`${WEBMAIL_API}/${messageId}`, signal),
  })
  const [replying, setReplying] = useState(false)
  const [said, setSaid] = useState('')
  const t = useT()
  const dateTime = usePracticeDateTime()
  const heading = useRef<HTMLHeadingElement>(null)
  const loaded = message.data?.id
  useEffect(() => {
    if (loaded === undefined) return
    heading.current?.focus()
    // It is read now: the lists' bold and the inboxes' counts follow.
    void client.invalidateQueries({
      queryKey: WEBMAIL_KEY,
      predicate: (query) => query.queryKey[2] !== 'message',
    })
  }, [loaded, client])
  const state = useMutation({
    mutationFn: (change: { unread?: true; handled?: boolean }) =>
      postJson(`${WEBMAIL_API}/${messageId}/state`, change),
    onSuccess: (_, change) => {
      setSaid(
        change.unread
          ? t('office.webmail.markedUnread')
          : change.handled
            ? t('office.webmail.markedHandled')
            : t('office.webmail.markedNotHandled'),
      )
      void client.invalidateQueries({ queryKey: WEBMAIL_KEY })
    },
  })
  const assign = useMutation({
    mutationFn: (staffId: number | null) =>
      postJson(`${WEBMAIL_API}/${messageId}/assignee`, { staffId }),
    onSuccess: (_, staffId) => {
      const to = colleagues.find((colleague) => colleague.id === staffId)
      setSaid(
        to ? t('office.webmail.assignedTo', { name: to.name }) : t('office.webmail.unassigned'),
      )
      void client.invalidateQueries({ queryKey: WEBMAIL_KEY })
    },
  })
  if (message.isError)
    return <LoadFailed error={message.error} onRetry={() => void message.refetch()} />
  if (!message.data) return <Loading />
  const shown = message.data
  return (
    <article className="webmail-preview surface" aria-labelledby="webmail-preview-heading">
      <h2 id="webmail-preview-heading" tabIndex={-1} ref={heading}>
        {shown.subject}
      </h2>
      <dl className="webmail-facts">
        <dt>{t('office.webmail.from')}</dt>
        <dd>{shown.from}</dd>
        <dt>{t('office.webmail.to')}</dt>
        <dd>
          {shown.direction === 'ToPractice'
            ? (shown.provider?.name ?? t('office.webmail.theOfficeTitle'))
            : shown.patient.name}
        </dd>
        <dt>{t('office.webmail.regarding')}</dt>
        <dd>{shown.patient.name}</dd>
        <dt>{t('office.webmail.sentAt')}</dt>
        <dd>{dateTime(shown.sentAt)}</dd>
        {shown.direction === 'ToPractice' ? (
          <>
            <dt>{t('office.webmail.assignedToLabel')}</dt>
            <dd>{shown.assignee?.name ?? t('office.webmail.nobody')}</dd>
          </>
        ) : (
          // Only what the office sent can be read by the patient; their own messages they wrote.
          <>
            <dt>{t('office.webmail.readByPatient')}</dt>
            <dd>
              {shown.readByPatientAt ? dateTime(shown.readByPatientAt) : t('office.webmail.notYet')}
            </dd>
          </>
        )}
      </dl>
      <div className="webmail-body">{shown.body}</div>
      {shown.attachments.length ? (
        <ul>
          {shown.attachments.map((a) => (
            <li key={a.id}>
              <a href={`${WEBMAIL_API}/${shown.id}/attachments/${a.id}`} download={a.fileName}>
                {t('office.webmail.download', { fileName: a.fileName })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="webmail-actions">
        {shown.direction === 'ToPractice' ? (
          <>
            <Button className="button" onPress={() => setReplying(true)}>
              {t('office.webmail.reply')}
            </Button>
            <Button
              className="button button-secondary"
              onPress={() => state.mutate({ unread: true })}
            >
              {t('office.webmail.markUnread')}
            </Button>
            <Button
              className="button button-secondary"
              onPress={() => state.mutate({ handled: !shown.handledAt })}
            >
              {shown.handledAt
                ? t('office.webmail.markNotHandled')
                : t('office.webmail.markHandled')}
            </Button>
            <NativeSelect
              label={t('office.webmail.assignTo')}
              value={shown.assignee ? String(shown.assignee.id) : ''}
              onChange={(staffId) => {
                if (!assign.isPending) assign.mutate(staffId ? Number(staffId) : null)
              }}
              options={[
                { value: '', label: t('office.webmail.nobody') },
                ...(shown.assignee && !colleagues.some((c) => c.id === shown.assignee?.id)
                  ? [{ value: String(shown.assignee.id), label: shown.assignee.name }]
                  : []),
                ...colleagues.map((c) => ({ value: String(c.id), label: c.name })),
              ]}
            />
          </>
        ) : null}
      </div>
      {assign.isError ? <ErrorAlert>{assign.error.message}</ErrorAlert> : null}
      <p role="status" className="status">
        {said}
      </p>
      {replying ? (
        <MessageForm
          heading={t('office.webmail.reply')}
          patientId={shown.patient.id}
          providerId={shown.provider?.id ?? null}
          subject={replySubject(shown.subject)}
          inReplyToId={shown.id}
          onDone={(id) => {
            setReplying(false)
            if (id) setSaid(t('office.webmail.replySent'))
          }}
        />
      ) : null}
    </article>
  )
}
