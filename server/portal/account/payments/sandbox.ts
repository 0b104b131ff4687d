import { randomBytes } from 'node:crypto'
import type { Database } from '../../../platform/db/database.ts'
import type {
  CardDetails,
  ChargeRequest,
  ChargeResult,
  FailureCode,
  PaymentProcessor,
  RefundRequest,
} from './processor.ts'

/** What a sandbox test card does when charged. */
export type SandboxBehaviour = 'success' | FailureCode | 'timeout'

/**
 * The sandbox's test cards (the numbers Stripe's test mode uses, so people recognise them). Any
 * expiry in the future and any CVC do. The time-out card is charged, but the answer is lost on the
 * way back: the payment stays "unknown" until reconciliation finds the charge.
 */
export const SANDBOX_TEST_CARDS: Record<string, { brand: string; behaviour: SandboxBehaviour }> = {
  '4242424242424242': { brand: 'Visa', behaviour: 'success' },
  '5555555555554444': { brand: 'Mastercard', behaviour: 'success' },
  '4000000000000002': { brand: 'Visa', behaviour: 'declined' },
  '4000000000009995': { brand: 'Visa', behaviour: 'insufficient_funds' },
  '4000000000000069': { brand: 'Visa', behaviour: 'expired_card' },
  '4000000000000119': { brand: 'Visa', behaviour: 'timeout' },
}

export const SANDBOX_CARD_PAGE = '/sandbox-processor/card'

const token = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`

export type TokenizeResult =
  | { ok: true; token: string; card: CardDetails }
  | { ok: false; field: 'number' | 'expiry'; message: string }

/**
 * The sandbox card page's back end: turns a test card into a token. Only test cards are taken,
 * so a real card number typed by mistake goes nowhere.
 */
export async function tokenizeSandboxCard(
  db: Database,
  input: { number: string; expMonth: number; expYear: number },
  now: Date,
): Promise<TokenizeResult> {
  const number = input.number.replace(/[\s-]/g, '')
  const test = SANDBOX_TEST_CARDS[number]
  if (!test) {
    return { ok: false, field: 'number', message: 'The sandbox takes only its test cards.' }
  }
  const year = input.expYear < 100 ? 2000 + input.expYear : input.expYear
  const endOfMonth = Date.UTC(year, input.expMonth, 1)
  if (input.expMonth < 1 || input.expMonth > 12 || endOfMonth <= now.getTime()) {
    return { ok: false, field: 'expiry', message: 'Give an expiry date in the future (MM/YY).' }
  }
  const card = {
    brand: test.brand,
    last4: number.slice(-4),
    expMonth: input.expMonth,
    expYear: year,
  }
  const row = await db
    .insertInto('sandbox_cards')
    .values({
      token: token('sbx_pm'),
      brand: card.brand,
      last4: card.last4,
      exp_month: card.expMonth,
      exp_year: card.expYear,
      behaviour: test.behaviour,
    })
    .returning('token')
    .executeTakeFirstOrThrow()
  return { ok: true, token: row.token, card }
}

/**
 * The sandbox processor. It records every charge it is asked for and deduplicates nothing, so
 * what the tests count is Bitewing's own "charge once" rule, not the processor's.
 */
export function sandboxProcessor(db: Database): PaymentProcessor {
  const cardOf = (cardToken: string) =>
    db.selectFrom('sandbox_cards').selectAll().where('token', '=', cardToken).executeTakeFirst()

  const resultOf = (
    charge: { reference: string; outcome: string },
    card: { brand: string; last4: string; exp_month: number; exp_year: number },
    saved: { customer: string; paymentMethod: string } | null,
  ): ChargeResult =>
    charge.outcome === 'success' || charge.outcome === 'timeout'
      ? {
          outcome: 'succeeded',
          reference: charge.reference,
          card: {
            brand: card.brand,
            last4: card.last4,
            expMonth: card.exp_month,
            expYear: card.exp_year,
          },
          saved,
        }
      : { outcome: 'failed', code: charge.outcome as FailureCode, reference: charge.reference }

  return {
    name: 'sandbox',
    cardEntry: { kind: 'sandbox', framePath: SANDBOX_CARD_PAGE },
    async charge(request: ChargeRequest) {
      const card = await cardOf(request.paymentMethod)
      if (!card) return { outcome: 'failed', code: 'processing_error', reference: null }
      const charge = await db
        .insertInto('sandbox_charges')
        .values({
          reference: token('sbx_ch'),
          idempotency_key: request.idempotencyKey,
          card_token: card.token,
          amount_cents: request.amountCents,
          currency: request.currency,
          outcome: card.behaviour,
        })
        .returning(['reference', 'outcome'])
        .executeTakeFirstOrThrow()
      // The time-out card: charged, but the answer never reaches Bitewing.
      if (card.behaviour === 'timeout') return { outcome: 'unknown' }
      const saved = request.saveCard
        ? { customer: request.customer ?? token('sbx_cus'), paymentMethod: card.token }
        : null
      return resultOf(charge, card, saved)
    },
    async lookup(idempotencyKey: string) {
      const charge = await db
        .selectFrom('sandbox_charges')
        .innerJoin('sandbox_cards', 'sandbox_cards.token', 'sandbox_charges.card_token')
        .select(['reference', 'outcome', 'brand', 'last4', 'exp_month', 'exp_year'])
        .where('idempotency_key', '=', idempotencyKey)
        .orderBy('sandbox_charges.id')
        .executeTakeFirst()
      return charge ? resultOf(charge, charge, null) : { outcome: 'absent' }
    },
    async refund(request: RefundRequest) {
      const refunded = await db
        .updateTable('sandbox_charges')
        .set((eb) => ({ refunded_cents: eb('refunded_cents', '+', request.amountCents) }))
        .where('reference', '=', request.reference)
        .returning('reference')
        .executeTakeFirst()
      if (!refunded) throw new Error('The sandbox has no such charge')
      return { reference: token('sbx_re') }
    },
  }
}
