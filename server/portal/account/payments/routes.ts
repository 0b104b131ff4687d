import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PortalGuard } from '../../../platform/auth/portal-guard.ts'
import type { Database } from '../../../platform/db/database.ts'
import { Invalid, NotFound } from '../../../platform/http/problems.ts'
import { portalAuditor } from '../../audit-read.ts'
import { PatientParams } from '../../params.ts'
import { accountAccess } from '../holder.ts'
import { readPaymentForm, readReceipt } from './form.ts'
import { makePayment } from './make-payment.ts'
import type { PaymentProcessors } from './processor.ts'
import { AttemptParams, PaymentBody, PaymentResult, PaymentSetupView } from './schemas.ts'
import { paymentResultView } from './view.ts'

/** Make payment, in the Account tab: the form's set-up, paying, and a payment's receipt. */
export const paymentRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: PortalGuard
  processors: PaymentProcessors
}> = async (app, { db, guard, processors }) => {
  /** The family account the patient's tab shows, when this user may see and pay it. */
  const account = async (request: Parameters<PortalGuard['patient']>[0], patientId: number) => {
    const access = await guard.patient(request, patientId, 'payments')
    const { holder, visible } = accountAccess(access)
    if (!visible) throw new NotFound('No such account.')
    return { access, holder, practiceId: access.user.practice_id, holderId: holder.patientId }
  }

  app.get(
    '/api/portal/patients/:patientId/payments/form',
    { schema: { params: PatientParams, response: { 200: PaymentSetupView } } },
    async (request, reply) => {
      const { practiceId, holderId } = await account(request, request.params.patientId)
      reply.header('Cache-Control', 'no-store')
      return readPaymentForm(db, processors, { practiceId, holderId, signedIn: true })
    },
  )

  app.post(
    '/api/portal/patients/:patientId/payments',
    { schema: { params: PatientParams, body: PaymentBody, response: { 200: PaymentResult } } },
    async (request) => {
      const { access, holder, practiceId, holderId } = await account(
        request,
        request.params.patientId,
      )
      const payer = {
        practiceId,
        holderId,
        payerPatientId: access.user.patient_id,
        portalUserId: access.user.id,
      }
      const attempt = await makePayment(db, processors, payer, portalAuditor(request, holder), {
        ...paymentInput(request.body),
      })
      return paymentResultView(attempt, access.practice.name)
    },
  )

  app.get(
    '/api/portal/patients/:patientId/payments/:attemptId',
    { schema: { params: AttemptParams, response: { 200: PaymentResult } } },
    async (request, reply) => {
      const { practiceId, holderId } = await account(request, request.params.patientId)
      reply.header('Cache-Control', 'no-store')
      return readReceipt(db, { practiceId, holderId }, request.params.attemptId)
    },
  )
}

/** The body as the command takes it: a saved card, or a new card's token (and consent to keep it). */
export function paymentInput(body: {
  idempotencyKey: string
  amountCents: number
  note?: string
  savedCardId?: number
  cardToken?: string
  saveCard?: boolean
}) {
  const note = body.note?.trim() || null
  if (body.savedCardId !== undefined) {
    return { ...body, note, card: { savedCardId: body.savedCardId } }
  }
  if (body.cardToken === undefined) {
    throw new Invalid('Choose a saved card or enter a new one.', {
      cardToken: 'Choose a saved card or enter a new one.',
    })
  }
  return { ...body, note, card: { token: body.cardToken, save: body.saveCard === true } }
}
