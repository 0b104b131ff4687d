import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'
import { samePractice } from '../../platform/db/joins.ts'
import { practiceRow, updatePracticeRow } from '../../platform/db/rows.ts'

/** Payments made online with their payer, statement and refund: the page's one read. */
function onlinePayments(db: Database, practiceId: number) {
  return db
    .selectFrom('payments')
    .innerJoin('patients as holder', (join) =>
      samePractice(join, 'holder.id', 'payments.patient_id'),
    )
    .leftJoin('payment_attempts as attempt', (join) =>
      samePractice(join, 'attempt.id', 'payments.payment_attempt_id'),
    )
    .leftJoin('patients as payer', (join) =>
      samePractice(join, 'payer.id', 'attempt.payer_patient_id'),
    )
    .leftJoin('statements', (join) => samePractice(join, 'statements.id', 'payments.statement_id'))
    .leftJoin('payment_refunds as refund', (join) =>
      samePractice(join, 'refund.payment_attempt_id', 'attempt.id'),
    )
    .leftJoin('staff_users as refunder', (join) =>
      samePractice(join, 'refunder.id', 'refund.staff_id'),
    )
    .select([
      'payments.id',
      'payments.paid_at',
      'payments.amount_cents',
      'payments.status',
      'payments.note',
      'payments.card_brand',
      'payments.card_last4',
      'payments.processor_reference',
      'payments.external_id',
      'payments.posted_at',
      'payments.made_by_portal_user_id',
      'holder.id as holder_id',
      'holder.first_name as holder_first_name',
      'holder.last_name as holder_last_name',
      'payer.id as payer_id',
      'payer.first_name as payer_first_name',
      'payer.last_name as payer_last_name',
      'attempt.id as attempt_id',
      'attempt.currency',
      'attempt.processor',
      'statements.statement_date',
      'refund.amount_cents as refund_cents',
      'refund.reason as refund_reason',
      'refund.created_at as refunded_at',
      'refund.processor_reference as refund_reference',
      'refunder.display_name as refunder_name',
    ])
    .where('payments.practice_id', '=', practiceId)
    .where('payments.made_online', '=', true)
}

/** The practice's payments made online, pending ones (still to post) first, newest first. */
export async function listOnlinePayments(db: Database, practiceId: number, limit: number) {
  return onlinePayments(db, practiceId)
    .orderBy(sql`payments.status = 'Pending'`, 'desc')
    .orderBy('payments.paid_at', 'desc')
    .orderBy('payments.id', 'desc')
    .limit(limit)
    .execute()
}

export async function findOnlinePayment(db: Database, practiceId: number, paymentId: number) {
  return onlinePayments(db, practiceId).where('payments.id', '=', paymentId).executeTakeFirst()
}

export type OnlinePaymentRow = Awaited<ReturnType<typeof listOnlinePayments>>[number]

/** A payment of the practice that may be refunded, with the attempt that charged it. */
export async function findRefundablePayment(db: Database, practiceId: number, paymentId: number) {
  return practiceRow(db, 'payments', practiceId, paymentId)
    .innerJoin('payment_attempts as attempt', (join) =>
      samePractice(join, 'attempt.id', 'payments.payment_attempt_id'),
    )
    .select([
      'payments.id',
      'payments.patient_id',
      'payments.amount_cents',
      'payments.status',
      'payments.external_id',
      'payments.processor_reference',
      'attempt.id as attempt_id',
      'attempt.processor',
      'attempt.currency',
      'attempt.payer_patient_id',
    ])
    .where('payments.made_online', '=', true)
    .executeTakeFirst()
}

/**
 * The "refund once" rule in one statement: the unique index on the attempt lets the first
 * request insert its refund; any other, however close, inserts nothing and is told so.
 */
export async function claimRefund(
  db: Database,
  refund: {
    practice_id: number
    payment_attempt_id: number
    amount_cents: number
    reason: string
    staff_id: number
  },
) {
  return db
    .insertInto('payment_refunds')
    .values(refund)
    .onConflict((conflict) => conflict.column('payment_attempt_id').doNothing())
    .returning(['id', 'created_at'])
    .executeTakeFirst()
}

/** A claim whose refund the processor refused is let go, so the office may try again. */
export async function releaseRefund(db: Database, practiceId: number, refundId: number) {
  await db
    .deleteFrom('payment_refunds')
    .where('practice_id', '=', practiceId)
    .where('id', '=', refundId)
    .where('processor_reference', 'is', null)
    .execute()
}

export async function completeRefund(
  db: Database,
  practiceId: number,
  ids: { refundId: number; paymentId: number; attemptId: number },
  processorReference: string,
) {
  await updatePracticeRow(db, 'payment_refunds', practiceId, ids.refundId, {
    processor_reference: processorReference,
  }).execute()
  await updatePracticeRow(db, 'payments', practiceId, ids.paymentId, {
    status: 'Refunded',
  }).execute()
  await updatePracticeRow(db, 'payment_attempts', practiceId, ids.attemptId, {
    status: 'refunded',
    updated_at: sql<Date>`now()`,
  }).execute()
}
