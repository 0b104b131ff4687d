import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { OfficeGuard } from '../../platform/auth/office-guard.ts'
import type { Database } from '../../platform/db/database.ts'
import { listOutgoingEmails } from './queries.ts'

export const OutgoingEmailView = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  status: Type.String(),
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  sentAt: Type.Union([Type.String(), Type.Null()]),
})

/** Outgoing email (admin): what the practice sent, newest first, readable without SMTP. */
export const outgoingEmailRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: OfficeGuard
}> = async (app, { db, guard }) => {
  app.get(
    '/api/office/outgoing-emails',
    {
      schema: {
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: { 200: Type.Array(OutgoingEmailView) },
      },
    },
    async (request, reply) => {
      const { staff } = await guard.staff(request, ['admin'])
      const rows = await listOutgoingEmails(db, staff.practice_id, request.query.limit ?? 50)
      reply.header('Cache-Control', 'no-store')
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        status: row.status,
        error: row.error,
        createdAt: row.created_at.toISOString(),
        sentAt: row.sent_at?.toISOString() ?? null,
      }))
    },
  )
}
