import type { Database } from '../../../platform/db/database.ts'
import { languageForTag } from '../../../platform/i18n/languages.ts'
import { enqueueJob } from '../../../platform/jobs/queue.ts'
import { queueEmail } from '../../../platform/mail/outbox.ts'
import { queueSyncEventWithExternalIds } from '../../../sync/outbox.ts'
import type { Auditor } from '../../audit-read.ts'
import type { ChargeResult } from './processor.ts'
import {
  type AttemptRow,
  decideAttempt,
  findAttempt,
  findReceiptAddress,
  insertOnlinePayment,
  saveCard,
  setPaymentExternalId,
} from './queries.ts'
import { receiptEmail } from './receipt.ts'
import { paymentExternalId } from './rules.ts'

/** The job that asks the processor what became of a charge whose answer was lost. */
export const RECONCILE_PAYMENT_JOB = 'payment.reconcile'
/** A time-out is asked about again after this long, then with the job queue's back-off. */
export const RECONCILE_DELAY_MS = 60_000

/**
 * Writes the processor's answer to an attempt, once: a charge that succeeded becomes a payment
 * (pending until the PMS posts it) with its sync event, receipt email, saved card and audit row,
 * all in one transaction. An attempt already decided is left as it is and returned.
 */
export async function settleAttempt(
  db: Database,
  attempt: AttemptRow,
  result: ChargeResult,
  audit: Auditor,
): Promise<AttemptRow> {
  const decided = await db.transaction().execute(async (trx) => {
    if (result.outcome === 'succeeded') {
      const row = await decideAttempt(trx, attempt.practice_id, attempt.id, {
        status: 'succeeded',
        processor_reference: result.reference,
        card_brand: result.card.brand,
        card_last4: result.card.last4,
      })
      if (!row) return undefined
      await recordPayment(trx, row, result, audit)
      return row
    }
    if (result.outcome === 'failed') {
      const row = await decideAttempt(trx, attempt.practice_id, attempt.id, {
        status: 'failed',
        failure_code: result.code,
        processor_reference: result.reference,
      })
      if (row) {
        await audit.record(trx, 'payment.failed', {
          target: { type: 'payment_attempt', id: row.id },
          outcome: 'failure',
          details: { code: result.code },
        })
      }
      return row
    }
    // No answer: the charge may or may not have happened. Nothing is marked paid; a job asks.
    const row = await decideAttempt(trx, attempt.practice_id, attempt.id, { status: 'unknown' })
    if (row && attempt.status === 'pending') {
      await enqueueJob(trx, {
        practiceId: row.practice_id,
        kind: RECONCILE_PAYMENT_JOB,
        payload: { attemptId: row.id },
        runAt: new Date(Date.now() + RECONCILE_DELAY_MS),
        maxAttempts: 10,
      })
    }
    return row
  })
  return decided ?? (await findAttempt(db, attempt.practice_id, attempt.id)) ?? attempt
}

async function recordPayment(
  trx: Database,
  attempt: AttemptRow,
  result: Extract<ChargeResult, { outcome: 'succeeded' }>,
  audit: Auditor,
) {
  const payment = await insertOnlinePayment(trx, attempt, result.card, result.reference)
  const externalId = paymentExternalId(payment.id)
  await setPaymentExternalId(trx, attempt.practice_id, payment.id, externalId)
  if (attempt.save_card && result.saved) await saveCard(trx, attempt, result.card, result.saved)
  const receipt = await findReceiptAddress(trx, attempt.practice_id, attempt.patient_id)
  if (receipt?.email) {
    await queueEmail(trx, {
      practiceId: attempt.practice_id,
      kind: 'payment-receipt',
      to: receipt.email,
      ...receiptEmail(
        {
          practiceName: receipt.practiceName,
          timeZone: receipt.time_zone,
          amountCents: attempt.amount_cents,
          currency: attempt.currency,
          paidAt: payment.paid_at,
          card: result.card,
          receiptNumber: attempt.id,
        },
        languageForTag(receipt.language ?? '') ?? 'en',
      ),
    })
  }
  await queueSyncEventWithExternalIds(trx, {
    practiceId: attempt.practice_id,
    kind: 'payment.made',
    entityType: 'payment',
    entityId: payment.id,
    payload: {
      paymentId: payment.id,
      paymentExternalId: externalId,
      amountCents: attempt.amount_cents,
      currency: attempt.currency,
      paidAt: payment.paid_at.toISOString(),
      processor: attempt.processor,
      processorReference: result.reference,
      cardBrand: result.card.brand,
      cardLast4: result.card.last4,
    },
    externalIds: {
      patientExternalId: ['patients', attempt.payer_patient_id],
      guarantorExternalId: ['patients', attempt.patient_id],
      statementExternalId: ['statements', attempt.statement_id],
    },
  })
  await audit.record(trx, 'payment.made', {
    target: { type: 'payment', id: payment.id },
    details: { attemptId: attempt.id, amountCents: attempt.amount_cents },
  })
}
