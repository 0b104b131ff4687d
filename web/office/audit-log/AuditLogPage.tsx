import { useInfiniteQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Button, Form } from 'react-aria-components'
import { getJson } from '../../ui/api.ts'
import { formatDateTime } from '../../ui/i18n/format.ts'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { ConsolePage } from '../ConsolePage.tsx'
import {
  type AuditEvent,
  type AuditFilters,
  auditQuery,
  NO_FILTERS,
  type AuditLogPage as Page,
} from './audit-log.ts'
import './audit-log.css'

/** Audit log (administrators): who did what, about which patient, when and from where. */
export function AuditLogPage() {
  return (
    <ConsolePage title="Audit log" action="audit.read">
      <AuditLog />
    </ConsolePage>
  )
}

const FIELDS: { name: keyof AuditFilters; label: string; type?: string; hint?: string }[] = [
  { name: 'patient', label: 'Patient', hint: 'Part of the name, e.g. "maria gar".' },
  { name: 'user', label: 'User name', hint: 'A staff or portal user name.' },
  { name: 'action', label: 'Action', hint: 'e.g. portal.sign_in, or portal. for all of them.' },
  { name: 'from', label: 'From', type: 'date' },
  { name: 'to', label: 'To', type: 'date' },
]

function AuditLog() {
  const [draft, setDraft] = useState<AuditFilters>(NO_FILTERS)
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS)
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
      <Form className="form audit-filters" onSubmit={search} aria-label="Filter the audit log">
        {FIELDS.map((field) => (
          <TextInputField
            key={field.name}
            name={field.name}
            label={field.label}
            type={field.type ?? 'text'}
            description={field.hint}
            value={draft[field.name]}
            onChange={(value) => setDraft({ ...draft, [field.name]: value })}
          />
        ))}
        <div className="audit-actions">
          <Button className="button" type="submit">
            Search
          </Button>
          <a
            className="button button-secondary"
            href={`/api/office/audit-log.csv${auditQuery(filters)}`}
            download
          >
            Download CSV
          </a>
        </div>
      </Form>
      <p className="status" role="status">
        {events.isSuccess
          ? `${shown.length === 1 ? '1 event' : `${shown.length} events`} shown, newest first.`
          : ''}
      </p>
      {events.isPending ? <Loading /> : null}
      {events.isError ? (
        <LoadFailed error={events.error} onRetry={() => void events.refetch()} />
      ) : null}
      {shown.length > 0 ? (
        <ol className="audit-list" aria-label="Audit events">
          {shown.map((event) => (
            <li key={event.id}>
              <AuditEntry event={event} />
            </li>
          ))}
        </ol>
      ) : events.isSuccess ? (
        <p>No events match.</p>
      ) : null}
      {events.hasNextPage ? (
        <Button
          className="button button-secondary"
          onPress={() => {
            if (!events.isFetchingNextPage) void events.fetchNextPage()
          }}
        >
          {events.isFetchingNextPage ? 'Loading…' : 'Older events'}
        </Button>
      ) : null}
    </>
  )
}

function AuditEntry({ event }: { event: AuditEvent }) {
  return (
    <article className="audit-entry">
      <p className="audit-what">
        <strong>{event.action}</strong>{' '}
        <span className={event.outcome === 'success' ? 'audit-ok' : 'audit-failed'}>
          {event.outcome === 'success' ? 'succeeded' : 'failed'}
        </span>
      </p>
      <dl className="audit-facts">
        <div>
          <dt>When</dt>
          <dd>{formatDateTime(event.at)}</dd>
        </div>
        <div>
          <dt>Who</dt>
          <dd>
            {event.actor}
            {event.username ? ` (${event.username})` : ''}
          </dd>
        </div>
        {event.patient ? (
          <div>
            <dt>Patient</dt>
            <dd>{event.patient}</dd>
          </div>
        ) : null}
        {event.ip ? (
          <div>
            <dt>From</dt>
            <dd>{event.ip}</dd>
          </div>
        ) : null}
      </dl>
    </article>
  )
}
