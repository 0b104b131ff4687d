import { useInfiniteQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Button, Form } from 'react-aria-components'
import { getJson } from '../../ui/api.ts'
import { Fact } from '../../ui/fact.tsx'
import { type MessageId, type Translate, useT } from '../../ui/i18n/i18n.tsx'
import { QueryStatus } from '../../ui/status.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { TimeZoneNote, usePracticeDateTime } from '../practice-time.tsx'
import {
  type AuditEvent,
  type AuditFilters,
  auditQuery,
  NO_FILTERS,
  type AuditLogPage as Page,
} from './audit-log.ts'
import './audit-log.css'

const FIELDS: {
  name: keyof AuditFilters
  label: MessageId
  type?: string
  hint?: MessageId
}[] = [
  { name: 'patient', label: 'office.audit.patient', hint: 'office.audit.patientHint' },
  { name: 'user', label: 'office.common.userName', hint: 'office.audit.userHint' },
  { name: 'action', label: 'office.audit.action', hint: 'office.audit.actionHint' },
  { name: 'from', label: 'office.audit.from', type: 'date' },
  { name: 'to', label: 'office.audit.to', type: 'date' },
]

/** Who did it: a person's name as the server gives it; the rest in the reader's words. */
function actorText(event: AuditEvent, t: Translate): string {
  switch (event.actorType) {
    case 'staff_user':
      return event.actor === 'Former staff member'
        ? t('office.audit.actor.formerStaff')
        : event.actor
    case 'portal_user':
      return event.actor === 'Former user' ? t('office.audit.actor.formerUser') : event.actor
    case 'sync':
      return t('office.audit.actor.sync')
    case 'system':
      return t('office.audit.actor.system')
    default:
      return t('office.audit.actor.anonymous')
  }
}

/** Audit log (administrators): who did what, about which patient, when and from where. */
export function AuditLogPage() {
  const [draft, setDraft] = useState<AuditFilters>(NO_FILTERS)
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS)
  const t = useT()
  const events = useInfiniteQuery({
    queryKey: ['office', 'audit-log', filters],
    queryFn: ({ pageParam, signal }) =>
      getJson<Page>(`/api/office/audit-log${auditQuery(filters, pageParam)}`, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  })
  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setFilters(draft)
  }
  const shown = events.data?.pages.flatMap((page) => page.events) ?? []
  return (
    <>
      <Form className="form audit-filters" onSubmit={search} aria-label={t('office.audit.filter')}>
        {FIELDS.map((field) => (
          <TextInputField
            key={field.name}
            name={field.name}
            label={t(field.label)}
            type={field.type ?? 'text'}
            description={field.hint ? t(field.hint) : undefined}
            value={draft[field.name]}
            onChange={(value) => setDraft({ ...draft, [field.name]: value })}
          />
        ))}
        <div className="audit-actions field-row">
          <Button className="button" type="submit">
            {t('office.audit.search')}
          </Button>
          <a
            className="button button-secondary"
            href={`/api/office/audit-log.csv${auditQuery(filters)}`}
            download
          >
            {t('office.audit.csv')}
          </a>
        </div>
      </Form>
      <TimeZoneNote />
      <p className="status" role="status">
        {events.isSuccess ? t('office.audit.shown', { count: shown.length }) : ''}
      </p>
      <QueryStatus query={events} />
      {shown.length > 0 ? (
        <ol className="audit-list" aria-label={t('office.audit.events')}>
          {shown.map((event) => (
            <li key={event.id}>
              <AuditEntry event={event} />
            </li>
          ))}
        </ol>
      ) : events.isSuccess ? (
        <p>{t('office.audit.none')}</p>
      ) : null}
      {events.hasNextPage ? (
        <Button
          className="button button-secondary"
          onPress={() => {
            if (!events.isFetchingNextPage) void events.fetchNextPage()
          }}
        >
          {events.isFetchingNextPage ? t('office.audit.loading') : t('office.audit.older')}
        </Button>
      ) : null}
    </>
  )
}

function AuditEntry({ event }: { event: AuditEvent }) {
  const t = useT()
  const dateTime = usePracticeDateTime()
  return (
    <article className="audit-entry surface">
      <p className="audit-what">
        <strong>{event.action}</strong>{' '}
        <span className={event.outcome === 'success' ? 'audit-ok' : 'audit-failed'}>
          {event.outcome === 'success' ? t('office.audit.succeeded') : t('office.audit.failed')}
        </span>
      </p>
      <dl className="audit-facts">
        <Fact label={t('office.audit.when')}>{dateTime(event.at)}</Fact>
        <Fact label={t('office.audit.who')}>
          {actorText(event, t)}
          {event.username ? ` (${event.username})` : ''}
        </Fact>
        {event.patient ? <Fact label={t('office.audit.patient')}>{event.patient}</Fact> : null}
        {event.ip ? <Fact label={t('office.audit.ip')}>{event.ip}</Fact> : null}
      </dl>
    </article>
  )
}
