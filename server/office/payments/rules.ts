/** What the office may refund of an online payment, decided from the payment alone. */
export type RefundDecision =
  | { kind: 'refund'; amountCents: number }
  | { kind: 'refused'; reason: 'not-refundable' | 'too-much'; message: string }

/** Declined payments took no money; a refunded one was refunded already (once per payment). */
export function refundDecision(
  payment: { status: string; amount_cents: number },
  requestedCents: number | undefined,
): RefundDecision {
  if (payment.status !== 'Pending' && payment.status !== 'Posted') {
    return {
      kind: 'refused',
      reason: 'not-refundable',
      message:
        payment.status === 'Refunded'
          ? 'This payment has already been refunded.'
          : 'This payment took no money, so there is nothing to refund.',
    }
  }
  const amountCents = requestedCents ?? payment.amount_cents
  if (amountCents > payment.amount_cents) {
    return {
      kind: 'refused',
      reason: 'too-much',
      message: 'A refund can be at most the amount paid.',
    }
  }
  return { kind: 'refund', amountCents }
}

/** The processor's idempotency key of a payment's refund: a retried call refunds once. */
export function refundIdempotencyKey(practiceId: number, attemptId: number): string {
  return `refund-${practiceId}-${attemptId}`
}
