import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../../platform/db/database.ts'
import { Invalid } from '../../../platform/http/problems.ts'
import type { PaymentProcessors } from './processor.ts'
import { findAttemptByKey } from './queries.ts'
import { reconcileAttempt } from './reconcile.ts'
import { parseProcessorKey } from './rules.ts'
import { type StripeSettings, verifiedStripeEvent } from './stripe.ts'

/**
 * Stripe's webhook: a Payment Intent that succeeded or failed settles its attempt when the
 * page's answer was lost. The event is only a prompt: the state is read back from Stripe by the
 * attempt's key (reconcileAttempt), so webhooks and reconciliation cannot disagree, and an
 * attempt already decided is left as it is.
 */
export const stripeWebhookRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  processors: PaymentProcessors
  stripe: StripeSettings
}> = async (app, { db, processors, stripe }) => {
  // The signature is over the exact bytes Stripe sent.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  )
  app.post('/api/payments/stripe/webhook', async (request, reply) => {
    let event: Awaited<ReturnType<typeof verifiedStripeEvent>>
    try {
      event = await verifiedStripeEvent(
        stripe,
        request.body as string,
        request.headers['stripe-signature'] as string | undefined,
      )
    } catch {
      throw new Invalid('The webhook signature is not valid.')
    }
    if (
      event.type === 'payment_intent.succeeded' ||
      event.type === 'payment_intent.payment_failed'
    ) {
      const named = parseProcessorKey(event.data.object.metadata?.idempotency_key ?? '')
      const attempt = named && (await findAttemptByKey(db, named.practiceId, named.key))
      if (attempt?.processor === 'stripe') {
        await reconcileAttempt(db, processors, attempt.practice_id, attempt.id)
      }
    }
    return reply.status(204).send()
  })
}
