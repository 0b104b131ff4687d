/**
 * What Bitewing asks of a card payment processor. Card numbers are typed only into the
 * processor's own page or fields (PCI SAQ-A): Bitewing's pages and server see tokens, never a
 * card number. Every charge carries the idempotency key of the attempt, so the processor also
 * refuses to charge a retried request twice.
 */
export interface PaymentProcessor {
  readonly name: ProcessorName
  /** What the browser needs to show the processor's card fields (no secret in it). */
  readonly cardEntry: CardEntry
  charge(request: ChargeRequest): Promise<ChargeResult>
  /** What became of a charge whose answer never came (a time-out), by its idempotency key. */
  lookup(idempotencyKey: string): Promise<ChargeResult>
  refund(request: RefundRequest): Promise<{ reference: string }>
}

export const PROCESSOR_NAMES = ['sandbox', 'stripe'] as const
export type ProcessorName = (typeof PROCESSOR_NAMES)[number]

export type CardEntry =
  /** The sandbox's card page, shown in a frame; it posts the card's token back to the page. */
  | { kind: 'sandbox'; framePath: string }
  /** Stripe.js card fields on our own page for them (stripe-page.ts), shown in a frame the same way. */
  | { kind: 'stripe'; framePath: string }

export interface CardDetails {
  brand: string
  last4: string
  expMonth: number
  expYear: number
}

export interface ChargeRequest {
  amountCents: number
  /** ISO 4217, upper case (the practice's). */
  currency: string
  idempotencyKey: string
  /** The processor's payment method token (a new card's, or a saved card's). */
  paymentMethod: string
  /** The processor's customer the saved card belongs to; null for a new card. */
  customer: string | null
  /** Keep the card on the processor for later payments (the patient agreed). */
  saveCard: boolean
  /** Shown on the processor's dashboard; no health information. */
  description: string
}

export type ChargeResult =
  | {
      outcome: 'succeeded'
      reference: string
      card: CardDetails
      /** The tokens to keep when the card was saved. */
      saved: { customer: string; paymentMethod: string } | null
    }
  | { outcome: 'failed'; code: FailureCode; reference: string | null }
  /** No answer (a time-out) or none yet: the reconcile job asks again with `lookup`. */
  | { outcome: 'unknown' }
  /** `lookup` only: the processor never received the charge. */
  | { outcome: 'absent' }

export type FailureCode = 'declined' | 'insufficient_funds' | 'expired_card' | 'processing_error'

export interface RefundRequest {
  reference: string
  amountCents: number
  idempotencyKey: string
}

/** The processors this server can use, by name; a practice picks one in Portal Settings. */
export type PaymentProcessors = Partial<Record<ProcessorName, PaymentProcessor>>
