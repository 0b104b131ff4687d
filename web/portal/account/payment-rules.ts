import type { Static } from 'typebox'
import type * as schemas from '../../../server/portal/account/payments/schemas.ts'
import type { Translate } from '../../ui/i18n/i18n.tsx'

export type PaymentForm = Static<typeof schemas.PaymentSetupView>
export type PaymentResult = Static<typeof schemas.PaymentResult>

/** A new card's token from the processor's own fields, with what the patient may be shown. */
export interface NewCard {
  token: string
  brand: string
  last4: string
}

/** The amount field's text as cents: "45.50", "$45.5", "1,200" → 4550, 4550, 120000; else null. */
export function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[$,\s]/g, '')
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(cleaned)
  if (!match) return null
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'))
  return cents > 0 ? cents : null
}

/** Cents as the amount field shows them: 4550 → "45.50". */
export function amountText(cents: number | null): string {
  return cents === null ? '' : (cents / 100).toFixed(2)
}

/** Why the amount cannot be paid, said before anything is sent; null when it can. */
export function amountFieldProblem(
  text: string,
  maximumCents: number,
  t: Translate,
): string | null {
  const cents = parseAmount(text)
  if (cents === null) return t('payment.amountInvalid')
  if (cents > maximumCents) {
    return t('payment.amountTooHigh', { amount: amountText(maximumCents) })
  }
  return null
}

/**
 * A key for one payment the page is about to make, sent with every try of it: a double click,
 * a retry after a dropped connection, or a second tab with the same confirmation charge once.
 */
export function newIdempotencyKey(): string {
  return crypto.randomUUID().replaceAll('-', '')
}

/** The card pages that may post a card to the form: the sandbox's and Stripe's (in their frame). */
const CARD_FRAME_SOURCES = new Set(['sandbox-processor', 'stripe-processor'])

/** A message from the processor's card page (in its frame), or null for any other message. */
export function cardFrameMessage(
  event: { origin: string; data: unknown },
  ownOrigin: string,
): NewCard | null {
  if (event.origin !== ownOrigin) return null
  const data = event.data as Partial<NewCard & { source: string }> | null
  if (!CARD_FRAME_SOURCES.has(String(data?.source))) return null
  if (typeof data?.token !== 'string' || typeof data.last4 !== 'string') return null
  return { token: data.token, brand: String(data.brand), last4: data.last4 }
}

/** The page a payment's receipt is on. */
export function receiptPath(patientId: number, attemptId: number): string {
  return `/patients/${patientId}/receipts/${attemptId}`
}
