import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { useSearchParams } from 'react-router'
import { getJson } from '../../ui/api.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { NativeSelect } from '../../ui/native-select.tsx'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { TimeZoneNote, usePracticeDateTime } from '../practice-time.tsx'
import { ComposeToPatient } from './MessageForm.tsx'
import { OfficePreview } from './OfficePreview.tsx'
import { PatientFilter } from './PatientFilter.tsx'
import {
  boxAddress,
  type Filters,
  filtersFrom,
  filtersQuery,
  type OfficeBox,
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
    <>
      <TimeZoneNote />
      <div className="webmail-toolbar field-row">
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
    </>
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
