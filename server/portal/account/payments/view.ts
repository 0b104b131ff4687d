import type { Static } from 'typebox'
import type { FailureCode } from './processor.ts'
import type { AttemptRow } from './queries.ts'
import { FAILURE_MESSAGES } from './rules.ts'
import type { PaymentResult } from './schemas.ts'

const STATUS_MESSAGES = {
  pending: 'Your payment is being processed. Do not pay again; this page will show the result.',
  unknown:
    'We did not hear back from the card processor. Do not pay again: we are checking whether the payment went through, and the office will see the result.',
  succeeded: null,
  refunded: 'This payment was refunded.',
} as const

/** A payment attempt as the patient sees it, with a message they can act on. */
export function paymentResultView(
  attempt: AttemptRow,
  practiceName: string,
): Static<typeof PaymentResult> {
  const status = attempt.status as Static<typeof PaymentResult>['status']
  return {
    id: attempt.id,
    status,
    message:
      status === 'failed'
        ? (FAILURE_MESSAGES[(attempt.failure_code ?? 'processing_error') as FailureCode] ??
          FAILURE_MESSAGES.processing_error)
        : STATUS_MESSAGES[status],
    amountCents: attempt.amount_cents,
    currency: attempt.currency,
    card:
      attempt.card_brand && attempt.card_last4
        ? { brand: attempt.card_brand, last4: attempt.card_last4 }
        : null,
    madeAt: attempt.created_at.toISOString(),
    practiceName,
  }
}

/** A saved card as the form lists it: "Visa ending in 4242", "04/2030". */
export function savedCardView(card: {
  id: number
  brand: string
  last4: string
  exp_month: number
  exp_year: number
}) {
  return {
    id: card.id,
    label: `${card.brand} ending in ${card.last4}`,
    expires: `${String(card.exp_month).padStart(2, '0')}/${card.exp_year}`,
  }
}
