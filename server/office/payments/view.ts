import type { Static } from 'typebox'
import type { OnlinePaymentRow } from './queries.ts'
import type { OnlinePaymentView } from './schemas.ts'

const fullName = (first: string | null, last: string | null) =>
  [first, last].filter(Boolean).join(' ')

/** A row of the Online payments page: what the receipt said, and the refund if any. */
export function presentOnlinePayment(row: OnlinePaymentRow): Static<typeof OnlinePaymentView> {
  const paidByOther = row.payer_id !== null && row.payer_id !== row.holder_id
  return {
    id: row.id,
    receiptNumber: row.attempt_id,
    paidAt: row.paid_at.toISOString(),
    amountCents: row.amount_cents,
    currency: row.currency?.trim() ?? 'CAD',
    status: row.status,
    accountHolder: fullName(row.holder_first_name, row.holder_last_name),
    paidBy: paidByOther ? fullName(row.payer_first_name, row.payer_last_name) : null,
    card: row.card_brand && row.card_last4 ? `${row.card_brand} ending in ${row.card_last4}` : null,
    note: row.note,
    processor: row.processor,
    processorReference: row.processor_reference,
    externalId: row.external_id,
    statementDate: row.statement_date,
    onlineWithoutSignIn: row.made_by_portal_user_id === null,
    postedAt: row.posted_at ? row.posted_at.toISOString() : null,
    refund:
      row.refund_cents !== null && row.refunded_at !== null
        ? {
            amountCents: row.refund_cents,
            reason: row.refund_reason ?? '',
            refundedAt: row.refunded_at.toISOString(),
            staffName: row.refunder_name,
            processorReference: row.refund_reference,
          }
        : null,
  }
}
