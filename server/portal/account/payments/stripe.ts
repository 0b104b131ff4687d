import type Stripe from 'stripe'
import type { StripeSettings } from '../../../config.ts'
import type {
  CardDetails,
  ChargeRequest,
  ChargeResult,
  FailureCode,
  PaymentProcessor,
} from './processor.ts'
import { STRIPE_CARD_PAGE } from './stripe-page.ts'

export type { StripeSettings }

let sdk: Promise<typeof Stripe> | undefined

/** Stripe's SDK (1 MB of code), loaded when Stripe is first used rather than at every start. */
function loadStripe(): Promise<typeof Stripe> {
  sdk ??= import('stripe').then((module) => module.default)
  return sdk
}

export async function stripeClient(settings: StripeSettings): Promise<Stripe> {
  const StripeSdk = await loadStripe()
  return new StripeSdk(settings.secretKey, {
    ...(settings.host ? { host: settings.host } : {}),
    ...(settings.port ? { port: settings.port } : {}),
    ...(settings.protocol ? { protocol: settings.protocol } : {}),
    timeout: settings.timeoutMs ?? 20_000,
    // Retries carry the same idempotency key, so Stripe answers them without charging again.
    maxNetworkRetries: settings.maxNetworkRetries ?? 2,
    telemetry: false,
  })
}

const capitalised = (brand: string) => brand.charAt(0).toUpperCase() + brand.slice(1)

function cardOf(intent: Stripe.PaymentIntent): CardDetails {
  const method = typeof intent.payment_method === 'object' ? intent.payment_method : null
  const card = method?.card
  return {
    brand: capitalised(card?.brand ?? 'card'),
    last4: card?.last4 ?? '0000',
    expMonth: card?.exp_month ?? 1,
    expYear: card?.exp_year ?? 2000,
  }
}

/** A refused card's Stripe codes as ours (decline_code says why a card_declined was declined). */
export function failureOf(error: { code?: string; decline_code?: string }): FailureCode {
  if (error.code === 'expired_card') return 'expired_card'
  if (error.decline_code === 'insufficient_funds') return 'insufficient_funds'
  if (error.code === 'card_declined' || error.code === 'incorrect_cvc') return 'declined'
  return 'processing_error'
}

/** What a PaymentIntent's state means for the attempt. */
export function resultOfIntent(
  intent: Stripe.PaymentIntent,
  saveCard: boolean,
): Exclude<ChargeResult, { outcome: 'absent' }> {
  if (intent.status === 'succeeded') {
    const method =
      typeof intent.payment_method === 'string' ? intent.payment_method : intent.payment_method?.id
    const customer = typeof intent.customer === 'string' ? intent.customer : intent.customer?.id
    return {
      outcome: 'succeeded',
      reference: intent.id,
      card: cardOf(intent),
      saved: saveCard && method && customer ? { customer, paymentMethod: method } : null,
    }
  }
  if (intent.status === 'processing') return { outcome: 'unknown' }
  const error = intent.last_payment_error
  return { outcome: 'failed', code: error ? failureOf(error) : 'declined', reference: intent.id }
}

/**
 * The Stripe adapter: Payment Intents confirmed at once with the card's payment method (from
 * Stripe's own card fields, on the page stripe-page.ts frames), a Customer to keep a card on when the patient
 * agrees, refunds, and the lookup reconciliation uses (by the attempt's key in the metadata).
 */
export function stripeProcessor(settings: StripeSettings): PaymentProcessor {
  let client: Promise<Stripe> | undefined
  const connect = () => {
    client ??= stripeClient(settings)
    return client
  }
  return {
    name: 'stripe',
    cardEntry: { kind: 'stripe', framePath: STRIPE_CARD_PAGE },
    async charge(request: ChargeRequest) {
      try {
        const stripe = await connect()
        const customer =
          request.customer ??
          (request.saveCard
            ? (
                await stripe.customers.create(
                  { description: 'Patient portal payer' },
                  { idempotencyKey: `${request.idempotencyKey}-customer` },
                )
              ).id
            : undefined)
        const intent = await stripe.paymentIntents.create(
          {
            amount: request.amountCents,
            currency: request.currency.toLowerCase(),
            payment_method: request.paymentMethod,
            ...(customer ? { customer } : {}),
            ...(request.saveCard ? { setup_future_usage: 'off_session' as const } : {}),
            confirm: true,
            automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
            description: request.description,
            metadata: { idempotency_key: request.idempotencyKey },
            expand: ['payment_method'],
          },
          { idempotencyKey: request.idempotencyKey },
        )
        return resultOfIntent(intent, request.saveCard)
      } catch (error) {
        return chargeError(error, await loadStripe())
      }
    },
    async lookup(idempotencyKey: string) {
      const found = await (await connect()).paymentIntents.search({
        query: `metadata['idempotency_key']:'${idempotencyKey.replace(/[^A-Za-z0-9_-]/g, '')}'`,
        expand: ['data.payment_method'],
      })
      const [intent] = found.data
      return intent ? resultOfIntent(intent, false) : { outcome: 'absent' }
    },
    async refund(request) {
      const refund = await (await connect()).refunds.create(
        { payment_intent: request.reference, amount: request.amountCents },
        { idempotencyKey: request.idempotencyKey },
      )
      return { reference: refund.id }
    },
  }
}

function chargeError(error: unknown, StripeSdk: typeof Stripe): ChargeResult {
  if (error instanceof StripeSdk.errors.StripeCardError) {
    const intent = (error.raw as { payment_intent?: { id?: string } }).payment_intent
    return { outcome: 'failed', code: failureOf(error), reference: intent?.id ?? null }
  }
  if (error instanceof StripeSdk.errors.StripeInvalidRequestError) {
    return { outcome: 'failed', code: 'processing_error', reference: null }
  }
  // A connection lost or timed out, or Stripe's own trouble: the charge may have happened.
  return { outcome: 'unknown' }
}

/** A webhook's event, when its signature is Stripe's with our secret; otherwise it throws. */
export async function verifiedStripeEvent(
  settings: StripeSettings,
  rawBody: string | Buffer,
  signature: string | undefined,
): Promise<Stripe.Event> {
  return (await stripeClient(settings)).webhooks.constructEvent(
    rawBody,
    signature ?? '',
    settings.webhookSecret,
  )
}
