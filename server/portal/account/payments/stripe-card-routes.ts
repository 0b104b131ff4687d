import type { FastifyPluginAsync } from 'fastify'
import { requestLanguage } from '../../../platform/i18n/languages.ts'
import { serveCardPage } from './card-page.ts'
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
  serveCardPage(app, {
    path: STRIPE_CARD_PAGE,
    csp: STRIPE_CARD_CSP,
    html: (request) => stripeCardHtml(stripe.publishableKey, requestLanguage(request.headers)),
    script: STRIPE_CARD_SCRIPT,
  })
}
