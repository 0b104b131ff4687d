import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import { Button } from 'react-aria-components'
import { useSearchParams } from 'react-router'
import { replySubject } from '../../../server/practice/messages/rules.ts'
import { getJson, postJson } from '../../ui/api.ts'
import { formatDateTime } from '../../ui/i18n/format.ts'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { ConsolePage } from '../ConsolePage.tsx'
import { NativeSelect } from '../NativeSelect.tsx'
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
    <ConsolePage title="WebMail" action="webmail.use">
      <div className="webmail-toolbar">
        <NativeSelect
          label="Messages"
          value={filters.box}
          onChange={(box) => change({ box: box as Filters['box'] })}
          options={[
            { value: 'inbox', label: 'Received from patients' },
            { value: 'sent', label: 'Sent to patients' },
          ]}
        />
        <NativeSelect
          label="Inbox"
          value={filters.provider}
          onChange={(provider) => change({ provider })}
          options={[
            { value: '', label: 'All inboxes' },
            ...inboxes.map((inbox) => ({
              value: inbox.provider ? String(inbox.provider.id) : 'office',
              label: `${inbox.provider?.name ?? 'The office (shared)'} — ${inbox.unread} unread`,
            })),
          ]}
        />
        <NativeSelect
          label="Status"
          value={filters.status}
          onChange={(status) => change({ status: status as Filters['status'] })}
          options={[
            { value: '', label: 'Any' },
            { value: 'unread', label: 'Unread' },
            { value: 'read', label: 'Read' },
            { value: 'open', label: 'Not handled' },
            { value: 'handled', label: 'Handled' },
          ]}
        />
        <NativeSelect
          label="Assigned"
          value={filters.assigned}
          onChange={(assigned) => change({ assigned: assigned as Filters['assigned'] })}
          options={[
            { value: '', label: 'To anyone or no one' },
            { value: 'me', label: 'Assigned to me' },
          ]}
        />
        <PatientFilter
          patientId={filters.patientId}
          name={messages.data?.pages[0]?.messages[0]?.patient.name}
          onChange={(patientId) => change({ patientId })}
        />
        <Button className="button" onPress={() => setComposing(true)}>
          New message
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
                Show older messages
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
  const lines = data.flatMap((page) => page.messages)
  if (lines.length === 0) return <p>No messages here.</p>
  return (
    <>
      <ul className="message-list webmail-list" aria-label="Messages">
        {lines.map((line) => {
          const date = formatDateTime(line.sentAt)
          const to = line.provider?.name ?? 'the office'
          const label = [
            line.unread ? 'Unread' : null,
            line.handled ? 'Handled' : null,
            inbox ? `From ${line.from} to ${to}` : `From ${line.from} to ${line.patient.name}`,
            line.subject,
            `regarding ${line.patient.name}`,
            date,
            line.attachmentCount ? `${line.attachmentCount} attachment(s)` : null,
            line.assignee ? `assigned to ${line.assignee.name}` : null,
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
                  {line.handled ? ' · handled' : ''}
                  {line.assignee ? ` · assigned to ${line.assignee.name}` : ''}
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
  const found = usePatientSearch(search)
  if (patientId) {
    return (
      <div className="webmail-patient-filter">
        <p className="field">
          <span className="label">Patient</span>
          <span>{name ?? `Patient ${patientId}`}</span>
        </p>
        <Button
          className="button button-secondary"
          aria-label={`Clear the patient filter${name ? ` (${name})` : ''}`}
          onPress={() => {
            setSearch('')
            onChange('')
          }}
        >
          Clear patient
        </Button>
      </div>
    )
  }
  return (
    <div className="webmail-patient-filter">
      <div className="field">
        <label htmlFor={searchId}>Filter by patient (name)</label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
      </div>
      {found.data ? (
        <NativeSelect
          label="Patient found"
          value=""
          onChange={onChange}
          options={[
            { value: '', label: found.data.length ? 'Choose…' : 'No patient has that name' },
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
          ? 'Marked unread.'
          : change.handled
            ? 'Marked handled.'
            : 'Marked not handled.',
      )
      void client.invalidateQueries({ queryKey: WEBMAIL_KEY })
    },
  })
  const assign = useMutation({
    mutationFn: (staffId: number | null) =>
      postJson(`${WEBMAIL_API}/${messageId}/assignee`, { staffId }),
    onSuccess: (_, staffId) => {
      const to = colleagues.find((colleague) => colleague.id === staffId)
      setSaid(to ? `Assigned to ${to.name}.` : 'No longer assigned.')
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
        <dt>From</dt>
        <dd>{shown.from}</dd>
        <dt>To</dt>
        <dd>
          {shown.direction === 'ToPractice'
            ? (shown.provider?.name ?? 'The office')
            : shown.patient.name}
        </dd>
        <dt>Regarding</dt>
        <dd>{shown.patient.name}</dd>
        <dt>Sent</dt>
        <dd>{formatDateTime(shown.sentAt)}</dd>
        <dt>Read by the patient</dt>
        <dd>{shown.readByPatientAt ? formatDateTime(shown.readByPatientAt) : 'Not yet'}</dd>
        {shown.direction === 'ToPractice' ? (
          <>
            <dt>Assigned to</dt>
            <dd>{shown.assignee?.name ?? 'Nobody'}</dd>
          </>
        ) : null}
      </dl>
      <div className="webmail-body">{shown.body}</div>
      {shown.attachments.length ? (
        <ul>
          {shown.attachments.map((a) => (
            <li key={a.id}>
              <a href={`${WEBMAIL_API}/${shown.id}/attachments/${a.id}`} download={a.fileName}>
                Download {a.fileName}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="webmail-actions">
        {shown.direction === 'ToPractice' ? (
          <>
            <Button className="button" onPress={() => setReplying(true)}>
              Reply
            </Button>
            <Button
              className="button button-secondary"
              onPress={() => state.mutate({ unread: true })}
            >
              Mark unread
            </Button>
            <Button
              className="button button-secondary"
              onPress={() => state.mutate({ handled: !shown.handledAt })}
            >
              {shown.handledAt ? 'Mark not handled' : 'Mark handled'}
            </Button>
            <NativeSelect
              label="Assign to"
              value={shown.assignee ? String(shown.assignee.id) : ''}
              onChange={(staffId) => {
                if (!assign.isPending) assign.mutate(staffId ? Number(staffId) : null)
              }}
              options={[
                { value: '', label: 'Nobody' },
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
          heading="Reply"
          patientId={shown.patient.id}
          providerId={shown.provider?.id ?? null}
          subject={replySubject(shown.subject)}
          inReplyToId={shown.id}
          onDone={(id) => {
            setReplying(false)
            if (id) setSaid('Your reply was sent.')
          }}
        />
      ) : null}
    </article>
  )
}

function ComposeToPatient({ onDone }: { onDone: (id: number | null) => void }) {
  const [search, setSearch] = useState('')
  const [patientId, setPatientId] = useState('')
  const searchId = useId()
  const found = usePatientSearch(search)
  return (
    <section className="webmail-compose" aria-labelledby="webmail-compose-heading">
      <h2 id="webmail-compose-heading">New message to a patient</h2>
      <div className="field">
        <label htmlFor={searchId}>Find the patient (name)</label>
        <input id={searchId} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
      </div>
      {found.data ? (
        <NativeSelect
          label="Regarding patient"
          value={patientId}
          onChange={setPatientId}
          options={[
            { value: '', label: found.data.length ? 'Choose…' : 'No patient has that name' },
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
          Cancel
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
      aria-label={heading ?? 'New message'}
      onSubmit={(event) => {
        event.preventDefault()
        if (!send.isPending) send.mutate()
      }}
    >
      {heading ? <h3>{heading}</h3> : null}
      <div className="field">
        <label htmlFor={`${id}-subject`}>Subject</label>
        <input
          id={`${id}-subject`}
          required
          maxLength={200}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>Message</label>
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
        <label htmlFor={`${id}-files`}>Attach files (images or PDF, up to 8 MB each)</label>
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
          Send
        </Button>
        <Button className="button button-secondary" onPress={() => onDone(null)}>
          Cancel
        </Button>
      </div>
    </form>
  )
}
