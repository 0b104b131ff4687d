import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import { Button } from 'react-aria-components'
import { useSearchParams } from 'react-router'
import { replySubject } from '../../../server/practice/messages/rules.ts'
import { getJson, postJson } from '../../ui/api.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { ConsolePage } from '../ConsolePage.tsx'
import { NativeSelect } from '../NativeSelect.tsx'
import { TimeZoneNote, usePracticeDateTime } from '../practice-time.tsx'
import {
  attachmentOf,
  boxAddress,
  type Filters,
  filtersFrom,
  filtersQuery,
  type OfficeBox,
  type OfficeMessage,
  type PatientChoices,
  WEBMAIL_API,
  WEBMAIL_KEY,
} from './webmail-api.ts'
import '../../ui/message-list.css'
import './webmail.css'

/**
 * WebMail: the shared office inbox and each provider's, with unread counts; a message chosen is
 * shown below the list, where staff reply, mark it unread or handled. New message: to a patient,
 * about them (their representatives read it too).
 */
export function WebMailPage() {
  const [params, setParams] = useSearchParams()
  const filters = filtersFrom(params)
  const [openId, setOpenId] = useState<number | null>(null)
  const [composing, setComposing] = useState(false)
  const t = useT()
  const messages = useInfiniteQuery({
    queryKey: [...WEBMAIL_KEY, filters],
    queryFn: ({ pageParam, signal }) => getJson<OfficeBox>(boxAddress(filters, pageParam), signal),
    initialPageParam: '',
    getNextPageParam: (page) => page.next ?? undefined,
  })
  const inboxes = messages.data?.pages[0]?.inboxes ?? []
  const colleagues = messages.data?.pages[0]?.colleagues ?? []
  const change = (part: Partial<Filters>) => {
    setParams(filtersQuery({ ...filters, ...part }), { replace: true })
    setOpenId(null)
  }
  return (
    <ConsolePage title={t('office.nav.webmail')} action="webmail.use">
      <TimeZoneNote />
      <div className="webmail-toolbar">
        <NativeSelect
          label={t('office.webmail.messages')}
          value={filters.box}
          onChange={(box) => change({ box: box as Filters['box'] })}
          options={[
            { value: 'inbox', label: t('office.webmail.received') },
            { value: 'sent', label: t('office.webmail.sent') },
          ]}
        />
        <NativeSelect
          label={t('office.webmail.inbox')}
          value={filters.provider}
          onChange={(provider) => change({ provider })}
          options={[
            { value: '', label: t('office.webmail.allInboxes') },
            ...inboxes.map((inbox) => ({
              value: inbox.provider ? String(inbox.provider.id) : 'office',
              label: t('office.webmail.inboxUnread', {
                inbox: inbox.provider?.name ?? t('office.webmail.sharedInbox'),
                unread: inbox.unread,
              }),
            })),
          ]}
        />
        <NativeSelect
          label={t('office.webmail.status')}
          value={filters.status}
          onChange={(status) => change({ status: status as Filters['status'] })}
          options={[
            { value: '', label: t('office.webmail.any') },
            { value: 'unread', label: t('office.webmail.unread') },
            { value: 'read', label: t('office.webmail.read') },
            { value: 'open', label: t('office.webmail.notHandled') },
            { value: 'handled', label: t('office.webmail.handled') },
          ]}
        />
        <NativeSelect
          label={t('office.webmail.assigned')}
          value={filters.assigned}
          onChange={(assigned) => change({ assigned: assigned as Filters['assigned'] })}
          options={[
            { value: '', label: t('office.webmail.anyone') },
            { value: 'me', label: t('office.webmail.assignedToMe') },
          ]}
        />
        <PatientFilter
          patientId={filters.patientId}
          name={messages.data?.pages[0]?.messages[0]?.patient.name}
          onChange={(patientId) => change({ patientId })}
        />
        <Button className="button" onPress={() => setComposing(true)}>
          {t('office.webmail.new')}
        </Button>
      </div>
      {composing ? (
        <ComposeToPatient
          onDone={(id) => {
            setComposing(false)
            if (id) change({ box: 'sent' })
          }}
        />
      ) : null}
      {messages.isError ? (
        <LoadFailed error={messages.error} onRetry={() => void messages.refetch()} />
      ) : messages.data ? (
        <MessageList
          data={messages.data.pages}
          openId={openId}
          onOpen={setOpenId}
          inbox={filters.box === 'inbox'}
          more={
            messages.hasNextPage ? (
              <Button
                className="button button-secondary"
                onPress={() => void messages.fetchNextPage()}
              >
                {t('office.webmail.older')}
              </Button>
            ) : null
          }
        />
      ) : (
        <Loading />
      )}
      {openId !== null ? (
        <OfficePreview key={openId} messageId={openId} colleagues={colleagues} />
      ) : null}
    </ConsolePage>
  )
}

function MessageList({
  data,
  openId,
  onOpen,
  inbox,
  more,
}: {
  data: OfficeBox[]
  openId: number | null
  onOpen: (id: number) => void
  inbox: boolean
  more: React.ReactNode
}) {
  const t = useT()
  const dateTime = usePracticeDateTime()
  const lines = data.flatMap((page) => page.messages)
  if (lines.length === 0) return <p>{t('office.webmail.none')}</p>
  return (
    <>
      <ul className="message-list webmail-list" aria-label={t('office.webmail.messages')}>
        {lines.map((line) => {
          const date = dateTime(line.sentAt)
          const to = line.provider?.name ?? t('office.webmail.theOffice')
          const label = [
            line.unread ? t('office.webmail.unread') : null,
            line.handled ? t('office.webmail.handled') : null,
            t('office.webmail.lineFromTo', {
              from: line.from,
              to: inbox ? to : line.patient.name,
            }),
            line.subject,
            t('office.webmail.lineRegarding', { name: line.patient.name }),
            date,
            line.attachmentCount
              ? t('office.webmail.lineAttachments', { count: line.attachmentCount })
              : null,
            line.assignee ? t('office.webmail.lineAssigned', { name: line.assignee.name }) : null,
          ]
            .filter(Boolean)
            .join(', ')
          return (
            <li key={line.id}>
              <button
                type="button"
                className={line.unread ? 'message-line unread' : 'message-line'}
                aria-current={line.id === openId ? 'true' : undefined}
                aria-label={label}
                onClick={() => onOpen(line.id)}
              >
                <span>{inbox ? line.from : line.patient.name}</span>
                <span>{line.subject}</span>
                <span>
                  {line.patient.name} · {to} · {date}
                  {line.handled ? ` · ${t('office.webmail.lineHandled')}` : ''}
                  {line.assignee
                    ? ` · ${t('office.webmail.lineAssigned', { name: line.assignee.name })}`
                    : ''}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
      {more}
    </>
  )
}

/**
 * Narrows the box to one patient: find them by name and choose; the choice is in the address,
 * and Clear shows every patient's messages again.
 */
function PatientFilter({
  patientId,
  name,
  onChange,
}: {
  patientId: string
  name: string | undefined
  onChange: (patientId: string) => void
}) {
  const [search, setSearch] = useState('')
  const searchId = useId()
  const t = useT()
  const found = usePatientSearch(search)
  if (patientId) {
    return (
      <div className="webmail-patient-filter">
        <p className="field">
          <span className="label">{t('office.webmail.patient')}</span>
          <span>{name ?? t('office.webmail.patientNumber', { id: patientId })}</span>
        </p>
        <Button
          className="button button-secondary"
          aria-label={
            name ? t('office.webmail.clearFilterNamed', { name }) : t('office.webmail.clearFilter')
          }
          onPress={() => {
            setSearch('')
            onChange('')
          }}
        >
          {t('office.webmail.clearPatient')}
        </Button>
      </div>
    )
  }
  return (
    <div className="webmail-patient-filter">
      <div className="field">
        <label htmlFor={searchId}>{t('office.webmail.filterByPatient')}</label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
      </div>
      {found.data ? (
        <NativeSelect
          label={t('office.webmail.patientFound')}
          value=""
          onChange={onChange}
          options={[
            {
              value: '',
              label: found.data.length ? t('office.webmail.choose') : t('office.webmail.noPatient'),
            },
            ...found.data.map((p) => ({
              value: String(p.id),
              label: `${p.name} (${p.birthdate ?? '—'})`,
            })),
          ]}
        />
      ) : null}
    </div>
  )
}

/** Patients of the practice whose names start with the words typed (two letters at least). */
function usePatientSearch(search: string) {
  return useQuery({
    queryKey: [...WEBMAIL_KEY, 'patients', search],
    queryFn: ({ signal }) =>
      getJson<PatientChoices>(`${WEBMAIL_API}/patients?q=${encodeURIComponent(search)}`, signal),
    enabled: search.trim().length >= 2,
  })
}

function OfficePreview({
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
    <article className="webmail-preview" aria-labelledby="webmail-preview-heading">
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
        <dt>{t('office.webmail.readByPatient')}</dt>
        <dd>
          {shown.readByPatientAt ? dateTime(shown.readByPatientAt) : t('office.webmail.notYet')}
        </dd>
        {shown.direction === 'ToPractice' ? (
          <>
            <dt>{t('office.webmail.assignedToLabel')}</dt>
            <dd>{shown.assignee?.name ?? t('office.webmail.nobody')}</dd>
          </>
        ) : null}
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
      {assign.isError ? (
        <div className="notice notice-error" role="alert">
          <p>{assign.error.message}</p>
        </div>
      ) : null}
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

function ComposeToPatient({ onDone }: { onDone: (id: number | null) => void }) {
  const [search, setSearch] = useState('')
  const [patientId, setPatientId] = useState('')
  const t = useT()
  const searchId = useId()
  const found = usePatientSearch(search)
  return (
    <section className="webmail-compose" aria-labelledby="webmail-compose-heading">
      <h2 id="webmail-compose-heading">{t('office.webmail.newToPatient')}</h2>
      <div className="field">
        <label htmlFor={searchId}>{t('office.webmail.findPatient')}</label>
        <input id={searchId} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
      </div>
      {found.data ? (
        <NativeSelect
          label={t('office.webmail.regardingPatient')}
          value={patientId}
          onChange={setPatientId}
          options={[
            {
              value: '',
              label: found.data.length ? t('office.webmail.choose') : t('office.webmail.noPatient'),
            },
            ...found.data.map((p) => ({
              value: String(p.id),
              label: `${p.name} (${p.birthdate ?? '—'})`,
            })),
          ]}
        />
      ) : null}
      {patientId ? (
        <MessageForm
          heading={null}
          patientId={Number(patientId)}
          providerId={null}
          subject=""
          onDone={onDone}
        />
      ) : (
        <Button className="button button-secondary" onPress={() => onDone(null)}>
          {t('office.common.cancel')}
        </Button>
      )}
    </section>
  )
}

function MessageForm({
  heading,
  patientId,
  providerId,
  subject: initialSubject,
  inReplyToId,
  onDone,
}: {
  heading: string | null
  patientId: number
  providerId: number | null
  subject: string
  inReplyToId?: number
  onDone: (id: number | null) => void
}) {
  const client = useQueryClient()
  const id = useId()
  const [subject, setSubject] = useState(initialSubject)
  const [body, setBody] = useState('')
  const [files, setFiles] = useState<File[]>([])
  const t = useT()
  const send = useMutation({
    mutationFn: async () =>
      postJson<OfficeMessage>(WEBMAIL_API, {
        patientId,
        providerId,
        subject,
        body,
        ...(inReplyToId ? { inReplyToId } : {}),
        ...(files.length ? { attachments: await Promise.all(files.map(attachmentOf)) } : {}),
      }),
    onSuccess: (sent) => {
      void client.invalidateQueries({ queryKey: WEBMAIL_KEY })
      onDone(sent.id)
    },
  })
  return (
    <form
      className="form webmail-form"
      aria-label={heading ?? t('office.webmail.new')}
      onSubmit={(event) => {
        event.preventDefault()
        if (!send.isPending) send.mutate()
      }}
    >
      {heading ? <h3>{heading}</h3> : null}
      <div className="field">
        <label htmlFor={`${id}-subject`}>{t('office.webmail.subject')}</label>
        <input
          id={`${id}-subject`}
          required
          maxLength={200}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('office.webmail.message')}</label>
        <textarea
          id={`${id}-body`}
          required
          rows={6}
          maxLength={10_000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-files`}>{t('office.webmail.attach')}</label>
        <input
          id={`${id}-files`}
          type="file"
          multiple
          accept="image/png,image/jpeg,image/gif,application/pdf"
          onChange={(e) => setFiles([...(e.currentTarget.files ?? [])].slice(0, 3))}
        />
      </div>
      {send.isError ? (
        <div className="notice notice-error" role="alert">
          <p>{send.error.message}</p>
        </div>
      ) : null}
      <div className="webmail-actions">
        <Button type="submit" className="button">
          {t('office.webmail.send')}
        </Button>
        <Button className="button button-secondary" onPress={() => onDone(null)}>
          {t('office.common.cancel')}
        </Button>
      </div>
    </form>
  )
}
