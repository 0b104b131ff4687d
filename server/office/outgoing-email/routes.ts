import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Database } from '../../platform/db/database.ts'
import type { StaffGuard } from '../../practice/staff-permissions.ts'
import { actingStaff } from '../staff-audit.ts'
import { listOutgoingEmails } from './queries.ts'
import { OutgoingEmailQuery, OutgoingEmailView } from './schemas.ts'
import { presentOutgoingEmail } from './view.ts'

/**
 * Outgoing email (admin): what the practice sent, newest first, readable without SMTP but
 * without the secrets emails carried. Each reading is audited: the emails name patients.
 */
export const outgoingEmailRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: StaffGuard
}> = async (app, { db, guard }) => {
  app.get(
    '/api/office/outgoing-emails',
    {
      schema: {
        querystring: OutgoingEmailQuery,
        response: { 200: Type.Array(OutgoingEmailView) },
      },
    },
    async (request, reply) => {
      const { staff, audit } = await actingStaff(guard, request, 'outgoing-email.read')
      const rows = await listOutgoingEmails(db, staff.practice_id, request.query.limit ?? 50)
      await audit.record(db, 'outgoing_email.viewed', {
        details: { emailIds: rows.map((row) => row.id) },
      })
      reply.header('Cache-Control', 'no-store')
      return rows.map(presentOutgoingEmail)
    },
  )
}
