import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../../platform/db/testing.ts'
import { useTestApp } from '../../../testing/suite.ts'
import { stripeProcessor } from './stripe.ts'
import { STRIPE_CARD_CSP, STRIPE_CARD_PAGE } from './stripe-page.ts'

const STRIPE = {
  secretKey: 'sk_test_page',
  publishableKey: 'pk_test_page"<',
  webhookSecret: 'whsec_page',
}

describeEachDatabase("Stripe's card page, framed by Make payment", (kind) => {
  const withStripe = useTestApp(kind, { stripe: STRIPE })
  const withoutStripe = useTestApp(kind)

  it('is what the payment form frames when the practice pays through Stripe', () => {
    expect(stripeProcessor(STRIPE).cardEntry).toEqual({
      kind: 'stripe',
      framePath: STRIPE_CARD_PAGE,
    })
  })

  it("runs Stripe.js under a policy of its own, with the key and the reader's language", async () => {
    const page = await withStripe.app.inject({
      url: STRIPE_CARD_PAGE,
      headers: { cookie: 'bitewing-language=fr-CA' },
    })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-security-policy']).toBe(STRIPE_CARD_CSP)
    expect(page.headers['cache-control']).toBe('no-store')
    expect(page.body).toContain('<html lang="fr-CA">')
    expect(page.body).toContain('data-key="pk_test_page&quot;&lt;"')
    expect(page.body).toContain('<script src="https://js.stripe.com/v3/"></script>')
    const script = await withStripe.app.inject({ url: `${STRIPE_CARD_PAGE}.js` })
    expect(script.headers['content-type']).toMatch(/^text\/javascript/)
    expect(script.body).toContain("stripe.createPaymentMethod({ type: 'card', card })")
    expect(script.body).toContain("source: 'stripe-processor'")
  })

  it("keeps Stripe's script off the portal's own pages", async () => {
    const portal = await withStripe.app.inject({ url: '/api/portal/session' })
    expect(portal.headers['content-security-policy']).not.toContain('stripe')
  })

  it('does not exist where Stripe is not configured', async () => {
    const page = await withoutStripe.app.inject({ url: STRIPE_CARD_PAGE })
    expect(page.statusCode).not.toBe(200)
    expect(page.body).not.toContain('js.stripe.com')
  })
})
