import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import { Button } from 'react-aria-components'
import { getJson } from '../../ui/api.ts'
import { formatDateTime } from '../../ui/i18n/format.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { useSession } from '../session.ts'
import { LiveMessage, NothingYet, QueryView, TabSection } from '../tab-parts.tsx'
import type { TabPageProps } from '../tabs.ts'
import { ComposeDialog } from './ComposeDialog.tsx'
import {
  attachmentPath,
  type Box,
  type BoxView,
  type Draft,
  draftStore,
  formatSize,
  lineLabel,
  MESSAGES_API,
  type Message,
  messagesKey,
  replyDraft,
  replySubject,
  unreadKey,
} from './rules.ts'
import '../../ui/message-list.css'
import './messages.css'

/**
 * The Messages tab (Secure WebMail): Inbox and Sent, newest first; a message chosen in the list
 * is previewed below it (on a phone, in its place, with Back). Everything shown is text: nothing
 * anyone writes is rendered as HTML.
 */
export default function MessagesPage({ patientId }: TabPageProps) {
  const t = useT()
  const [box, setBox] = useState<Box>('inbox')
  const [openId, setOpenId] = useState<number | null>(null)
  const username = useSession().data?.username ?? ''
  const drafts = useMemo(() => draftStore(window.sessionStorage, username), [username])
  const [draft, setDraft] = useState<Draft | null>(() => drafts.load())
  const [composing, setComposing] = useState(() => draft !== null)
  const [said, setSaid] = useState('')
  const listRef = useRef<HTMLDivElement>(null)
  const messages = useInfiniteQuery({
    queryKey: [...messagesKey, box],
    queryFn: ({ pageParam, signal }) =>
      getJson<BoxView>(
        `${MESSAGES_API}?box=${box}${pageParam ? `&before=${pageParam}` : ''}`,
        signal,
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.next ?? undefined,
  })

  function close() {
    const id = openId
    setOpenId(null)
    // Back on a phone: focus returns to the message's line in the list.
    requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLElement>(`[data-message="${id}"]`)?.focus(),
    )
  }

  function startCompose(next: Draft | null) {
    setDraft(next)
    setComposing(true)
  }

  return (
    <TabSection
      id="messages"
      title={t('tab.messages')}
      actions={
        <Button className="button" onPress={() => startCompose(draft)}>
          {t('messages.compose')}
        </Button>
      }
    >
      <LiveMessage message={said} />
      <div className={openId === null ? 'messages' : 'messages has-preview'}>
        <div className="message-boxes" ref={listRef}>
          <fieldset className="box-switch">
            <legend className="visually-hidden">{t('messages.show')}</legend>
            {(['inbox', 'sent'] as const).map((name) => (
              <Button
                key={name}
                className="button button-secondary box-button"
                aria-pressed={box === name}
                onPress={() => {
                  setBox(name)
                  setOpenId(null)
                }}
              >
                {name === 'inbox' ? t('messages.inbox') : t('messages.sent')}
              </Button>
            ))}
          </fieldset>
          <QueryView query={messages} feature="messages">
            {(data) => {
              const lines = data.pages.flatMap((page) => page.messages)
              if (lines.length === 0) {
                return (
                  <NothingYet>
                    {box === 'inbox' ? t('messages.noneInbox') : t('messages.noneSent')}
                  </NothingYet>
                )
              }
              return (
                <>
                  <ul
                    className="message-list"
                    aria-label={box === 'inbox' ? t('messages.inbox') : t('messages.sent')}
                  >
                    {lines.map((line) => {
                      const date = formatDateTime(line.sentAt)
                      return (
                        <li key={line.id}>
                          <button
                            type="button"
                            data-message={line.id}
                            className={line.unread ? 'message-line unread' : 'message-line'}
                            aria-current={line.id === openId ? 'true' : undefined}
                            aria-label={lineLabel(line, box, date, t)}
                            onClick={() => setOpenId(line.id)}
                          >
                            <span className="message-who">
                              {box === 'inbox'
                                ? line.from
                                : t('messages.toWho', {
                                    name: line.provider?.name ?? t('messages.theOffice'),
                                  })}
                            </span>
                            <span className="message-subject">
                              {line.kind === 'SecureEmail' ? (
                                <span className="tag">{t('messages.secureEmail')}</span>
                              ) : null}
                              {line.subject}
                              {line.attachmentCount > 0 ? <AttachmentMark /> : null}
                            </span>
                            <span className="message-meta muted">
                              {line.patient.name} · {date}
                            </span>
                          </button>
                        </li>
                      )
                    })}
                  </ul>
                  {messages.hasNextPage ? (
                    <Button
                      className="button"
                      isDisabled={messages.isFetchingNextPage}
                      onPress={() => void messages.fetchNextPage()}
                    >
                      {t('messages.older')}
                    </Button>
                  ) : null}
                </>
              )
            }}
          </QueryView>
        </div>
        {openId !== null ? (
          <Preview
            messageId={openId}
            onBack={close}
            onReply={(message) => startCompose(replyDraft(message, replySubject))}
          />
        ) : null}
      </div>
      {composing ? (
        <ComposeDialog
          patientId={patientId}
          initial={draft}
          drafts={drafts}
          onClose={(sent) => {
            setComposing(false)
            setDraft(drafts.load())
            if (sent) {
              setSaid(t('messages.sentNotice'))
              setBox('sent')
              setOpenId(sent.id)
            }
          }}
        />
      ) : null}
    </TabSection>
  )
}

/** The chosen message, below the list: opening it marks it read. */
function Preview({
  messageId,
  onBack,
  onReply,
}: {
  messageId: number
  onBack: () => void
  onReply: (message: Message) => void
}) {
  const t = useT()
  const client = useQueryClient()
  const message = useQuery({
    queryKey: [...messagesKey, 'message', messageId],
    queryFn: ({ signal }) => getJson<Message>(`${MESSAGES_API}/${messageId}`, signal),
  })
  const heading = useRef<HTMLHeadingElement>(null)
  const loaded = message.data?.id
  useEffect(() => {
    if (loaded === undefined) return
    // It is read now: the list's bold and the tab's count follow.
    void client.invalidateQueries({ queryKey: unreadKey })
    void client.invalidateQueries({ queryKey: [...messagesKey, 'inbox'] })
    heading.current?.focus()
  }, [loaded, client])
  if (message.isError)
    return <LoadFailed error={message.error} onRetry={() => void message.refetch()} />
  if (!message.data) return <Loading label={t('messages.opening')} />
  const shown = message.data
  return (
    <article className="message-preview surface" aria-labelledby="message-preview-heading">
      <Button className="button button-secondary back-button" onPress={onBack}>
        {t('messages.back')}
      </Button>
      <h3 id="message-preview-heading" tabIndex={-1} ref={heading}>
        {shown.subject}
      </h3>
      <dl className="message-facts">
        <dt>{t('messages.from')}</dt>
        <dd>{shown.from}</dd>
        <dt>{t('messages.to')}</dt>
        <dd>
          {shown.direction === 'ToPractice'
            ? (shown.provider?.name ?? t('messages.theOfficeCapital'))
            : t('messages.you')}
        </dd>
        <dt>{t('messages.regardingLabel')}</dt>
        <dd>{shown.patient.name}</dd>
        <dt>{t('messages.sentAt')}</dt>
        <dd>{formatDateTime(shown.sentAt)}</dd>
        {shown.kind === 'SecureEmail' ? (
          <>
            <dt>{t('messages.kind')}</dt>
            <dd>{t('messages.secureEmail')}</dd>
          </>
        ) : null}
      </dl>
      <div className="message-body">{shown.body}</div>
      {shown.attachments.length > 0 ? (
        <>
          <h4>{t('messages.attachments')}</h4>
          <ul className="message-attachments">
            {shown.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a href={attachmentPath(shown.id, attachment.id)} download={attachment.fileName}>
                  {t('messages.download', { name: attachment.fileName })}
                </a>{' '}
                <span className="muted">({formatSize(attachment.sizeBytes)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {shown.direction === 'ToPatient' ? (
        <Button className="button" onPress={() => onReply(shown)}>
          {t('messages.reply')}
        </Button>
      ) : null}
    </article>
  )
}

/**
 * A paperclip beside a subject with attachments. Drawn, not an emoji: a machine without an emoji
 * font showed an empty box. The row's accessible name already says how many (lineLabel).
 */
function AttachmentMark() {
  return (
    <svg
      className="attachment-mark"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M10.5 4.5 5.2 9.8a1.5 1.5 0 0 0 2.1 2.1l5.6-5.6a3 3 0 0 0-4.2-4.2L3 7.8a4.5 4.5 0 0 0 6.4 6.4l4.1-4.1"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
      />
    </svg>
  )
}
