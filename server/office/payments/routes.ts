import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Database } from '../../platform/db/database.ts'
import type { PaymentProcessors } from '../../practice/payment-processor.ts'
import type { StaffGuard } from '../../practice/staff-permissions.ts'
import { actingStaff } from '../staff-audit.ts'
import { listOnlinePayments } from './queries.ts'
import { refundPayment } from './refund.ts'
import { OnlinePaymentView, PaymentParams, RefundBody } from './schemas.ts'
import { presentOnlinePayment } from './view.ts'

/** How many payments the page lists: every pending one in a practice's day, and the recent rest. */
const PAGE_SIZE = 200

/**
 * Online payments (permission `payments.manage`): the payments patients made in the portal, the
 * ones the PMS has not posted yet first, with their receipts; and refunds, with a reason.
 * Reading the list is audited: it names patients.
 */
export const officePaymentRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: StaffGuard
  processors: PaymentProcessors
}> = async (app, { db, guard, processors }) => {
  app.get(
    '/api/office/payments',
    { schema: { response: { 200: Type.Array(OnlinePaymentView) } } },
    async (request, reply) => {
      const { staff, audit } = await actingStaff(guard, request, 'payments.manage')
      const rows = await listOnlinePayments(db, staff.practice_id, PAGE_SIZE)
      await audit.record(db, 'online_payments.viewed', {
        details: { paymentIds: rows.map((row) => row.id) },
      })
      reply.header('Cache-Control', 'no-store')
      return rows.map(presentOnlinePayment)
    },
  )

  app.post(
    '/api/office/payments/:paymentId/refund',
    { schema: { params: PaymentParams, body: RefundBody, response: { 200: OnlinePaymentView } } },
    async (request, reply) => {
      const { staff, audit } = await actingStaff(guard, request, 'payments.manage')
      const refunded = await refundPayment(
        db,
        processors,
        staff,
        audit,
        request.params.paymentId,
        request.body,
      )
      reply.header('Cache-Control', 'no-store')
      return presentOnlinePayment(refunded)
    },
  )
}
