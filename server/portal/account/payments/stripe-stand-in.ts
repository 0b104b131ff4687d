import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A small local stand-in for the Stripe endpoints the adapter uses (customers, payment intents
 * with search, refunds), answering as Stripe's API does, so the adapter's tests need no internet.
 * Like Stripe it answers a repeated Idempotency-Key with the first answer. The payment methods
 * are Stripe's test ones (`pm_card_visa`, `pm_card_chargeDeclined`, …); `pm_card_hang` is
 * charged, then the answer never comes (a time-out).
 */
export async function startStripeStandIn() {
  const intents = new Map<string, Record<string, unknown>>()
  const answered = new Map<string, { status: number; body: unknown }>()
  const requests: { method: string; path: string; idempotencyKey: string | undefined }[] = []
  const hanging: ServerResponse[] = []
  const id = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`

  const DECLINES: Record<string, { code: string; decline_code?: string }> = {
    pm_card_chargeDeclined: { code: 'card_declined', decline_code: 'generic_decline' },
    pm_card_chargeDeclinedInsufficientFunds: {
      code: 'card_declined',
      decline_code: 'insufficient_funds',
    },
    pm_card_chargeDeclinedExpiredCard: { code: 'expired_card' },
  }

  function createIntent(form: URLSearchParams) {
    const method = form.get('payment_method') ?? ''
    const decline = DECLINES[method]
    const intent = {
      id: id('pi'),
      object: 'payment_intent',
      amount: Number(form.get('amount')),
      currency: form.get('currency'),
      customer: form.get('customer'),
      status: decline ? 'requires_payment_method' : 'succeeded',
      metadata: { idempotency_key: form.get('metadata[idempotency_key]') },
      payment_method: {
        id: method,
        object: 'payment_method',
        card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2039 },
      },
      last_payment_error: decline ? { type: 'card_error', ...decline } : null,
    }
    intents.set(intent.id, intent)
    if (decline) {
      return {
        status: 402,
        body: {
          error: {
            type: 'card_error',
            message: 'Your card was declined.',
            ...decline,
            payment_intent: intent,
          },
        },
      }
    }
    return { status: 200, body: intent }
  }

  function route(method: string, url: URL, form: URLSearchParams) {
    if (method === 'POST' && url.pathname === '/v1/customers') {
      return { status: 200, body: { id: id('cus'), object: 'customer' } }
    }
    if (method === 'POST' && url.pathname === '/v1/payment_intents') return createIntent(form)
    if (method === 'GET' && url.pathname === '/v1/payment_intents/search') {
      const key = /metadata\['idempotency_key'\]:'([^']*)'/.exec(
        url.searchParams.get('query') ?? '',
      )?.[1]
      const data = [...intents.values()].filter(
        (intent) => (intent.metadata as { idempotency_key: string }).idempotency_key === key,
      )
      return { status: 200, body: { object: 'search_result', data, has_more: false } }
    }
    if (method === 'POST' && url.pathname === '/v1/refunds') {
      const intent = intents.get(form.get('payment_intent') ?? '')
      if (!intent) return { status: 404, body: { error: { type: 'invalid_request_error' } } }
      return {
        status: 200,
        body: {
          id: id('re'),
          object: 'refund',
          amount: Number(form.get('amount')),
          status: 'succeeded',
        },
      }
    }
    return { status: 404, body: { error: { type: 'invalid_request_error', message: 'No route' } } }
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
    const url = new URL(request.url ?? '/', 'http://stand-in')
    const idempotencyKey = request.headers['idempotency-key'] as string | undefined
    requests.push({ method: request.method ?? '', path: url.pathname, idempotencyKey })
    const replay = idempotencyKey ? answered.get(idempotencyKey) : undefined
    const answer = replay ?? route(request.method ?? '', url, form)
    if (idempotencyKey && !replay) answered.set(idempotencyKey, answer)
    if (form.get('payment_method') === 'pm_card_hang') {
      hanging.push(response)
      return
    }
    response.writeHead(answer.status, { 'content-type': 'application/json' })
    response.end(JSON.stringify(answer.body))
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      response.writeHead(500)
      response.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    port,
    requests,
    /** Payment intents created, each once however many times it was asked for. */
    intents: () => [...intents.values()],
    async close() {
      for (const response of hanging) response.destroy()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
