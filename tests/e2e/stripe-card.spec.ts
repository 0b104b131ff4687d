import { expect, test } from '@playwright/test'
import { expectUsablePage } from './checks.ts'

/**
 * Stripe.js itself cannot be reached from here, so its address answers with a stand-in that
 * keeps Stripe's interface (Stripe(key), elements().create('card').mount(), createPaymentMethod):
 * what is tested is our card page, under its own policy in a real browser.
 */
const STRIPE_JS_STAND_IN = `
window.Stripe = function (key, options) {
  window.stripeOpened = { key: key, locale: options && options.locale }
  return {
    elements: function () {
      return {
        create: function (type) {
          return {
            mount: function (selector) {
              var input = document.createElement('input')
              input.setAttribute('aria-label', 'Card number')
              document.querySelector(selector).appendChild(input)
              window.stripeCardInput = input
            },
            on: function () {},
          }
        },
      }
    },
    createPaymentMethod: function (request) {
      if (window.stripeCardInput.value !== '4242424242424242') {
        return Promise.resolve({ error: { message: 'Your card number is incorrect.' } })
      }
      return Promise.resolve({
        paymentMethod: { id: 'pm_standin_1', card: { brand: 'visa', last4: '4242' } },
      })
    },
  }
}
`

test("Stripe's card page turns a card into a payment method and posts it to the form", async ({
  page,
}) => {
  await page.route('https://js.stripe.com/v3/', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: STRIPE_JS_STAND_IN }),
  )
  await page.goto('/stripe-processor/card')
  const posted = page.evaluate(
    () =>
      new Promise((resolve) => window.addEventListener('message', (event) => resolve(event.data))),
  )
  await expect(page.getByRole('group', { name: 'Card' })).toBeVisible()
  await page.getByRole('textbox', { name: 'Card number' }).fill('4000')
  await page.getByRole('button', { name: 'Use this card' }).click()
  await expect(page.getByRole('alert')).toHaveText('Your card number is incorrect.')
  await page.getByRole('textbox', { name: 'Card number' }).fill('4242424242424242')
  await page.getByRole('button', { name: 'Use this card' }).click()
  await expect(page.getByRole('status')).toHaveText('Visa ending in 4242 is ready.')
  expect(await posted).toEqual({
    source: 'stripe-processor',
    token: 'pm_standin_1',
    brand: 'Visa',
    last4: '4242',
  })
  expect(
    await page.evaluate(() => (window as unknown as { stripeOpened: unknown }).stripeOpened),
  ).toEqual({
    key: 'pk_test_e2e',
    locale: 'en',
  })
  await expectUsablePage(page)
})
