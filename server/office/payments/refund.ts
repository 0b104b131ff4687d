import type { Database } from '../../platform/db/database.ts'
import { Conflict, Invalid, NotFound, Problem } from '../../platform/http/problems.ts'
import type { PaymentProcessors, ProcessorName } from '../../practice/payment-processor.ts'
import { queueSyncEventWithExternalIds } from '../../sync/outbox.ts'
import type { ActingStaff, StaffAuditor } from '../staff-audit.ts'
import {
  claimRefund,
  completeRefund,
  findOnlinePayment,
  findRefundablePayment,
  releaseRefund,
} from './queries.ts'
import { refundDecision, refundIdempotencyKey } from './rules.ts'

class RefundFailed extends Problem {
  constructor() {
    super(
      502,
      'refund-failed',
      'Refund failed',
      'The card processor did not make the refund. Nothing was refunded; try again later.',
    )
  }
}

/**
 * Refunds an online payment through the processor that charged it, once: the refund row is
 * claimed first (one statement, unique per payment), so a double click or two staff members
 * at once reach the processor one time; the others are told it was refunded. Then, in one
 * transaction, the payment shows as refunded to the patient, the PMS hears of it in the sync
 * feed, and the audit row records who refunded it and why.
 */
export async function refundPayment(
  db: Database,
  processors: PaymentProcessors,
  staff: ActingStaff,
  audit: StaffAuditor,
  paymentId: number,
  request: { amountCents?: number | undefined; reason: string },
) {
  const practiceId = staff.practice_id
  const payment = await findRefundablePayment(db, practiceId, paymentId)
  if (!payment) throw new NotFound('There is no such online payment.')
  const decision = refundDecision(payment, request.amountCents)
  if (decision.kind === 'refused') {
    if (decision.reason === 'too-much') {
      throw new Invalid(decision.message, { amountCents: decision.message })
    }
    throw new Conflict(decision.message)
  }
  const processor = processors[payment.processor as ProcessorName]
  if (!processor || !payment.processor_reference) throw new RefundFailed()
  const reason = request.reason.trim()
  if (reason.length < 3)
    throw new Invalid('Say why the payment is refunded.', { reason: 'Required' })

  const claim = await claimRefund(db, {
    practice_id: practiceId,
    payment_attempt_id: payment.attempt_id,
    amount_cents: decision.amountCents,
    reason,
    staff_id: staff.id,
  })
  if (!claim) throw new Conflict('This payment has already been refunded.')

  let reference: string
  try {
    ;({ reference } = await processor.refund({
      reference: payment.processor_reference,
      amountCents: decision.amountCents,
      idempotencyKey: refundIdempotencyKey(practiceId, payment.attempt_id),
    }))
  } catch {
    await releaseRefund(db, practiceId, claim.id)
    await audit.record(db, 'payment.refund_failed', {
      patientId: payment.patient_id,
      target: { type: 'payment', id: payment.id },
      outcome: 'failure',
    })
    throw new RefundFailed()
  }

  await db.transaction().execute(async (trx) => {
    await completeRefund(
      trx,
      practiceId,
      { refundId: claim.id, paymentId: payment.id, attemptId: payment.attempt_id },
      reference,
    )
    await queueSyncEventWithExternalIds(trx, {
      practiceId,
      kind: 'payment.refunded',
      entityType: 'payment',
      entityId: payment.id,
      payload: {
        paymentId: payment.id,
        paymentExternalId: payment.external_id,
        refundId: claim.id,
        amountCents: decision.amountCents,
        currency: payment.currency.trim(),
        refundedAt: claim.created_at.toISOString(),
        processor: payment.processor,
        processorReference: reference,
      },
      externalIds: {
        patientExternalId: ['patients', payment.payer_patient_id],
        guarantorExternalId: ['patients', payment.patient_id],
      },
    })
    await audit.record(trx, 'payment.refunded', {
      patientId: payment.patient_id,
      target: { type: 'payment', id: payment.id },
      details: { refundId: claim.id, amountCents: decision.amountCents, reason },
    })
  })
  const refunded = await findOnlinePayment(db, practiceId, payment.id)
  if (!refunded) throw new NotFound('There is no such online payment.')
  return refunded
}
