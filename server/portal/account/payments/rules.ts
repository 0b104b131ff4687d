import type { FailureCode } from './processor.ts'

/** Why an amount cannot be charged, or undefined: whole cents, above zero, at most the maximum. */
export function amountProblem(amountCents: number, maximumCents: number): string | undefined {
  if (!Number.isInteger(amountCents) || amountCents <= 0) {
    return 'Enter an amount above zero.'
  }
  if (amountCents > maximumCents) {
    return `The office takes at most ${(maximumCents / 100).toFixed(2)} online in one payment.`
  }
  return undefined
}

/**
 * The amount the form starts with: the last statement's balance when it is owed and payable
 * online (above zero, at most the maximum); otherwise the patient types one.
 */
export function defaultAmount(balanceCents: number | null, maximumCents: number): number | null {
  if (balanceCents === null || amountProblem(balanceCents, maximumCents)) return null
  return balanceCents
}

/** What the patient reads when the processor refuses a card (never the processor's raw text). */
export const FAILURE_MESSAGES: Record<FailureCode, string> = {
  declined: 'Your card was declined. No money was taken. Try another card or call your bank.',
  insufficient_funds:
    'Your card was declined for insufficient funds. No money was taken. Try another card.',
  expired_card: 'Your card has expired. No money was taken. Try another card.',
  processing_error:
    'The payment could not be processed. No money was taken. Please try again in a moment.',
}

/** The same key with a different payment: a page bug or a replay, refused rather than guessed. */
export function sameAttempt(
  stored: { patientId: number; amountCents: number },
  asked: { patientId: number; amountCents: number },
): boolean {
  return stored.patientId === asked.patientId && stored.amountCents === asked.amountCents
}

/** The external id Bitewing gives an online payment, under which the PMS posts it back. */
export function paymentExternalId(paymentId: number): string {
  return `portal-payment-${paymentId}`
}

/**
 * How long a processor's "no such charge" stays a maybe. Stripe's search is not read-after-write
 * (usually a minute behind, up to an hour in an outage), so until then the answer may only mean
 * the charge is not indexed yet; failing the attempt for good would hide a card really charged.
 */
export const ABSENT_IS_FINAL_AFTER_MS = 2 * 60 * 60 * 1000

/** Whether a charge the processor cannot find means nothing was taken. */
export function absentChargeIsFinal(attemptCreatedAt: Date, now: Date): boolean {
  return now.getTime() - attemptCreatedAt.getTime() >= ABSENT_IS_FINAL_AFTER_MS
}

/**
 * The key a charge carries to the processor: the page's key within its practice. Pages choose
 * keys, so two practices' attempts may share one; the processor (one Stripe account may serve
 * several practices) must never take them for one charge.
 */
export function processorKey(practiceId: number, key: string): string {
  return `p${practiceId}-${key}`
}

/** The practice and the page's key a processor key was made of, or null for any other text. */
export function parseProcessorKey(text: string): { practiceId: number; key: string } | null {
  const match = /^p([1-9][0-9]{0,15})-(.+)$/.exec(text)
  return match ? { practiceId: Number(match[1]), key: match[2] as string } : null
}
