import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { recordAudit } from '../../platform/audit/audit.ts'
import { clientAddress } from '../../platform/auth/client.ts'
import type { OfficeGuard } from '../../platform/auth/office-guard.ts'
import type { Database } from '../../platform/db/database.ts'
import { listOutgoingEmails } from './queries.ts'

export const OutgoingEmailView = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  /** A secret's place is marked HIDDEN_SECRET: only the email sent to the patient had it. */
  text: Type.String(),
  /** It carried a one-time password or a reset code, kept nowhere readable. */
  carriesSecret: Type.Boolean(),
  status: Type.String(),
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  sentAt: Type.Union([Type.String(), Type.Null()]),
})

/**
 * Outgoing email (admin): what the practice sent, newest first, readable without SMTP but
 * without the secrets emails carried. Each reading is audited: the emails name patients.
 */
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
      await recordAudit(db, {
        practiceId: staff.practice_id,
        actor: { type: 'staff_user', staffUserId: staff.id },
        action: 'outgoing_email.viewed',
        ip: clientAddress(request),
        details: { emailIds: rows.map((row) => row.id) },
      })
      reply.header('Cache-Control', 'no-store')
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        carriesSecret: row.carries_secret,
        status: row.status,
        error: row.error,
        createdAt: row.created_at.toISOString(),
        sentAt: row.sent_at?.toISOString() ?? null,
      }))
    },
  )
}
