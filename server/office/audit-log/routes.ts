import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../platform/db/database.ts'
import { Invalid } from '../../platform/http/problems.ts'
import { findPracticeTimeZone } from '../../practice/queries.ts'
import type { StaffGuard } from '../../practice/staff-permissions.ts'
import { actingStaff } from '../staff-audit.ts'
import { type AuditFilters, listAuditEvents } from './queries.ts'
import { cursorOf, parseCursor } from './rules.ts'
import { AuditLogPage, AuditLogQuery } from './schemas.ts'
import { auditCsvLine, CSV_HEADER, presentAuditEvent } from './view.ts'

/** The most rows one CSV export carries; narrow the filters for more. */
export const CSV_MAX_ROWS = 50_000
const CSV_CHUNK = 1_000

/**
 * The Audit log (administrators): every event of the practice, filtered and paged, and as CSV.
 * Reading it is audited too, with the filters used.
 */
export const auditLogRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: StaffGuard
}> = async (app, { db, guard }) => {
  app.get(
    '/api/office/audit-log',
    { schema: { querystring: AuditLogQuery, response: { 200: AuditLogPage } } },
    async (request, reply) => {
      const { staff, audit } = await actingStaff(guard, request, 'audit.read')
      const { after, limit = 50, ...filters } = request.query
      if (after !== undefined && !parseCursor(after)) {
        throw new Invalid('Start again from the first page.', { after: 'Not a page of this log.' })
      }
      const practice = {
        id: staff.practice_id,
        timeZone: await findPracticeTimeZone(db, staff.practice_id),
      }
      const rows = await listAuditEvents(db, practice, filters, { after, limit: limit + 1 })
      const events = rows.slice(0, limit)
      await audit.record(db, 'audit_log.viewed', { details: { filters, after: after ?? null } })
      reply.header('Cache-Control', 'no-store')
      const last = events.at(-1)
      return {
        events: events.map(presentAuditEvent),
        next: rows.length > limit && last ? cursorOf(last) : null,
      }
    },
  )

  app.get(
    '/api/office/audit-log.csv',
    { schema: { querystring: AuditLogQuery } },
    async (request, reply) => {
      const { staff, audit } = await actingStaff(guard, request, 'audit.read')
      const { after: _after, limit: _limit, ...filters } = request.query
      const practice = {
        id: staff.practice_id,
        timeZone: await findPracticeTimeZone(db, staff.practice_id),
      }
      const csv = await exportCsv(db, practice, filters)
      await audit.record(db, 'audit_log.exported', { details: { filters, rows: csv.rows } })
      return reply
        .header('Content-Type', 'text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="audit-log.csv"')
        .header('Cache-Control', 'no-store')
        .send(csv.text)
    },
  )
}

async function exportCsv(
  db: Database,
  practice: { id: number; timeZone: string },
  filters: AuditFilters,
) {
  const parts = [CSV_HEADER]
  let rows = 0
  let after: string | undefined
  while (rows < CSV_MAX_ROWS) {
    const chunk = await listAuditEvents(db, practice, filters, { after, limit: CSV_CHUNK })
    for (const row of chunk) parts.push(auditCsvLine(row))
    rows += chunk.length
    const last = chunk.at(-1)
    if (chunk.length < CSV_CHUNK || !last) break
    after = cursorOf(last)
  }
  return { text: parts.join(''), rows }
}
