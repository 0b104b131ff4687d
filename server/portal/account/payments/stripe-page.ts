/**
 * Stripe's card fields (Stripe.js Card Element), on a page of their own shown in a frame by the
 * Make payment form, as the sandbox's card page is: Stripe's script runs only here, under a
 * policy that lets it reach Stripe, never on the pages that show health information. The page
 * turns the card into a PaymentMethod and posts its id, brand and last four digits to the form.
 */
export const STRIPE_CARD_PAGE = '/stripe-processor/card'
export const STRIPE_JS = 'https://js.stripe.com/v3/'

/** Stripe's list of what Stripe.js needs (docs.stripe.com/security/guide#content-security-policy). */
export const STRIPE_CARD_CSP = [
  "default-src 'none'",
  `script-src 'self' https://js.stripe.com`,
  'frame-src https://js.stripe.com https://hooks.stripe.com',
  'connect-src https://api.stripe.com',
  "style-src 'unsafe-inline'",
  "img-src 'self' https://*.stripe.com",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ')

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** The page, with the practice's publishable key (public by design) and the reader's language. */
export function stripeCardHtml(publishableKey: string, language: string): string {
  return `<!doctype html>
<html lang="${escapeAttribute(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Card details (Stripe)</title>
<style>
  body { font: 16px/1.4 system-ui, sans-serif; margin: 0; padding: 0.75rem; color: #1b1b1b; background: #fff; }
  form { display: grid; gap: 0.6rem; max-width: 26rem; }
  #card-element { padding: 0.6rem 0.5rem; border: 1px solid #5c5c5c; border-radius: 4px; }
  button { font: inherit; font-weight: 600; padding: 0.5rem 0.9rem; border-radius: 4px; border: 0; background: #1d4ed8; color: #fff; justify-self: start; }
  .error { color: #b3261e; margin: 0; }
  .done { color: #14532d; font-weight: 600; margin: 0; }
</style>
</head>
<body>
<main>
<form id="card" novalidate data-key="${escapeAttribute(publishableKey)}" data-locale="${escapeAttribute(language)}">
  <div id="card-element" role="group" aria-label="Card"></div>
  <p class="error" id="card-error" role="alert"></p>
  <button type="submit">Use this card</button>
  <p class="done" id="done" role="status"></p>
</form>
</main>
<script src="${STRIPE_JS}"></script>
<script src="${STRIPE_CARD_PAGE}.js"></script>
</body>
</html>`
}

export const STRIPE_CARD_SCRIPT = `(() => {
  const form = document.getElementById('card')
  const error = document.getElementById('card-error')
  const done = document.getElementById('done')
  if (typeof Stripe !== 'function') {
    error.textContent = 'The card form of the card processor could not be loaded. Try again later.'
    return
  }
  const stripe = Stripe(form.dataset.key, { locale: form.dataset.locale })
  const card = stripe.elements().create('card', { hidePostalCode: false })
  card.mount('#card-element')
  card.on('change', (event) => { error.textContent = event.error ? event.error.message : '' })
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    error.textContent = ''
    done.textContent = ''
    const result = await stripe.createPaymentMethod({ type: 'card', card })
    if (result.error) {
      error.textContent = result.error.message || 'This card cannot be used.'
      return
    }
    const method = result.paymentMethod
    const brand = method.card ? method.card.brand.charAt(0).toUpperCase() + method.card.brand.slice(1) : 'Card'
    const last4 = method.card ? method.card.last4 : ''
    done.textContent = brand + ' ending in ' + last4 + ' is ready.'
    parent.postMessage({ source: 'stripe-processor', token: method.id, brand: brand, last4: last4 }, location.origin)
  })
})()
`
