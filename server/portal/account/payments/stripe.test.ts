import { randomUUID } from 'node:crypto'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type StripeSettings, stripeProcessor, verifiedStripeEvent } from './stripe.ts'
import { startStripeStandIn } from './stripe-stand-in.ts'

describe('Stripe adapter, against a local stand-in for the Stripe API', () => {
  let standIn: Awaited<ReturnType<typeof startStripeStandIn>>
  let settings: StripeSettings
  const key = () => randomUUID().replaceAll('-', '')
  const charge = (paymentMethod: string, extra = {}) =>
    stripeProcessor(settings).charge({
      amountCents: 4_550,
      currency: 'CAD',
      idempotencyKey: key(),
      paymentMethod,
      customer: null,
      saveCard: false,
      description: 'Maple Grove Dental payment 1',
      ...extra,
    })

  beforeAll(async () => {
    standIn = await startStripeStandIn()
    settings = {
      secretKey: 'sk_test_standin',
      publishableKey: 'pk_test_standin',
      webhookSecret: 'whsec_standin',
      host: '127.0.0.1',
      port: standIn.port,
      protocol: 'http',
      timeoutMs: 1_000,
      maxNetworkRetries: 1,
    }
  })
  afterAll(async () => {
    await standIn?.close()
  })

  it('charges a card with a Payment Intent, confirmed at once, with the idempotency key', async () => {
    const idempotencyKey = key()
    const result = await charge('pm_card_visa', { idempotencyKey })
    expect(result).toMatchObject({
      outcome: 'succeeded',
      reference: expect.stringMatching(/^pi_/),
      card: { brand: 'Visa', last4: '4242', expMonth: 12, expYear: 2039 },
      saved: null,
    })
    const sent = standIn.requests.filter((request) => request.path === '/v1/payment_intents')
    expect(sent.at(-1)?.idempotencyKey).toBe(idempotencyKey)
  })

  it('keeps the card on a new Customer when the patient agrees', async () => {
    const result = await charge('pm_card_visa', { saveCard: true })
    expect(result).toMatchObject({
      outcome: 'succeeded',
      saved: { customer: expect.stringMatching(/^cus_/), paymentMethod: 'pm_card_visa' },
    })
  })

  it('says why a card is refused', async () => {
    expect(await charge('pm_card_chargeDeclined')).toMatchObject({
      outcome: 'failed',
      code: 'declined',
      reference: expect.stringMatching(/^pi_/),
    })
    expect(await charge('pm_card_chargeDeclinedInsufficientFunds')).toMatchObject({
      outcome: 'failed',
      code: 'insufficient_funds',
    })
    expect(await charge('pm_card_chargeDeclinedExpiredCard')).toMatchObject({
      outcome: 'failed',
      code: 'expired_card',
    })
  })

  it('answers a time-out as unknown, and finds the charge by its key afterwards', async () => {
    const idempotencyKey = key()
    const before = standIn.intents().length
    const lost = await charge('pm_card_hang', { idempotencyKey })
    expect(lost).toEqual({ outcome: 'unknown' })
    // Retried by the client with the same key, yet charged once.
    expect(standIn.intents().length).toBe(before + 1)
    const found = await stripeProcessor(settings).lookup(idempotencyKey)
    expect(found).toMatchObject({ outcome: 'succeeded', card: { last4: '4242' } })
    expect(await stripeProcessor(settings).lookup(key())).toEqual({ outcome: 'absent' })
  }, 20_000)

  it('refunds a payment', async () => {
    const paid = await charge('pm_card_visa')
    if (paid.outcome !== 'succeeded') throw new Error('not paid')
    const refund = await stripeProcessor(settings).refund({
      reference: paid.reference,
      amountCents: 4_550,
      idempotencyKey: key(),
    })
    expect(refund.reference).toMatch(/^re_/)
  })

  it('takes a webhook only with a valid signature', async () => {
    const body = JSON.stringify({ id: 'evt_1', object: 'event', type: 'payment_intent.succeeded' })
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret: settings.webhookSecret,
    })
    expect((await verifiedStripeEvent(settings, body, signature)).type).toBe(
      'payment_intent.succeeded',
    )
    await expect(verifiedStripeEvent(settings, `${body} `, signature)).rejects.toThrow()
    const forged = Stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret: 'whsec_other',
    })
    await expect(verifiedStripeEvent(settings, body, forged)).rejects.toThrow()
  })
})
