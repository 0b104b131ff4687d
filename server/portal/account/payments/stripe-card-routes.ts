import type { FastifyPluginAsync } from 'fastify'
import { requestLanguage } from '../../../platform/i18n/languages.ts'
import type { StripeSettings } from './stripe.ts'
import {
  STRIPE_CARD_CSP,
  STRIPE_CARD_PAGE,
  STRIPE_CARD_SCRIPT,
  stripeCardHtml,
} from './stripe-page.ts'

/** Stripe's card page, framed by the Make payment form when the practice pays through Stripe. */
export const stripeCardRoutes: FastifyPluginAsync<{ stripe: StripeSettings }> = async (
  app,
  { stripe },
) => {
  app.get(STRIPE_CARD_PAGE, async (request, reply) =>
    reply
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Content-Security-Policy', STRIPE_CARD_CSP)
      .header('Cache-Control', 'no-store')
      .send(stripeCardHtml(stripe.publishableKey, requestLanguage(request.headers))),
  )

  app.get(`${STRIPE_CARD_PAGE}.js`, async (_request, reply) =>
    reply.header('Content-Type', 'text/javascript; charset=utf-8').send(STRIPE_CARD_SCRIPT),
  )
}
