import type { Static } from 'typebox'
import type * as schemas from '../../../server/office/audit-log/schemas.ts'

export type AuditLogPage = Static<typeof schemas.AuditLogPage>
export type AuditEvent = AuditLogPage['events'][number]
export type AuditFilters = Required<
  Pick<Static<typeof schemas.AuditLogQuery>, 'patient' | 'user' | 'action' | 'from' | 'to'>
>

export const NO_FILTERS: AuditFilters = { patient: '', user: '', action: '', from: '', to: '' }

/** The query string for the filters that are filled in (and the page to start after). */
export function auditQuery(filters: AuditFilters, after?: string): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(filters)) {
    if (value.trim() !== '') params.set(name, value.trim())
  }
  if (after) params.set('after', after)
  const text = params.toString()
  return text ? `?${text}` : ''
}
