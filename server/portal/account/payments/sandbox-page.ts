import { SANDBOX_TEST_CARDS } from './sandbox.ts'

/**
 * The sandbox processor's card page, shown in a frame in the Make payment form the way a real
 * processor's hosted fields are: the card number is typed here and sent only to the sandbox,
 * which answers with a token that the page posts to the form.
 */
export const SANDBOX_CARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

const TEST_CARD_NAMES: Record<string, string> = {
  success: 'Paid',
  declined: 'Declined',
  insufficient_funds: 'Insufficient funds',
  expired_card: 'Expired card',
  timeout: 'Processor time-out',
}

const testCards = Object.entries(SANDBOX_TEST_CARDS)
  .map(
    ([number, card]) =>
      `<li><code>${number.replace(/(\d{4})(?=\d)/g, '$1 ')}</code> ${card.brand}: ${TEST_CARD_NAMES[card.behaviour]}</li>`,
  )
  .join('')

export const SANDBOX_CARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Card details (sandbox processor)</title>
<style>
  body { font: 16px/1.4 system-ui, sans-serif; margin: 0; padding: 0.75rem; color: #1b1b1b; background: #fff; }
  form { display: grid; gap: 0.6rem; max-width: 26rem; }
  .row { display: grid; grid-template-columns: 1fr 1fr; gap: 0.6rem; }
  label { display: grid; gap: 0.2rem; font-weight: 600; }
  input { font: inherit; padding: 0.45rem 0.5rem; border: 1px solid #5c5c5c; border-radius: 4px; min-width: 0; }
  input[aria-invalid="true"] { border-color: #b3261e; }
  button { font: inherit; font-weight: 600; padding: 0.5rem 0.9rem; border-radius: 4px; border: 0; background: #1d4ed8; color: #fff; justify-self: start; }
  .error { color: #b3261e; margin: 0; }
  .done { color: #14532d; font-weight: 600; margin: 0; }
  details { font-size: 0.9rem; margin-top: 0.5rem; }
  ul { padding-left: 1.2rem; margin: 0.3rem 0; }
  .badge { font-size: 0.8rem; color: #444; margin: 0 0 0.4rem; }
</style>
</head>
<body>
<main>
<p class="badge">Sandbox card processor: test cards only, no money moves.</p>
<form id="card" novalidate>
  <label>Card number<input id="number" name="number" inputmode="numeric" autocomplete="cc-number" required aria-describedby="number-error"></label>
  <p class="error" id="number-error" role="alert"></p>
  <div class="row">
    <label>Expiry (MM/YY)<input id="expiry" name="expiry" inputmode="numeric" autocomplete="cc-exp" placeholder="MM/YY" required aria-describedby="expiry-error"></label>
    <label>CVC<input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" required></label>
  </div>
  <p class="error" id="expiry-error" role="alert"></p>
  <button type="submit">Use this card</button>
  <p class="done" id="done" role="status"></p>
</form>
<details><summary>Test cards</summary><ul>${testCards}</ul></details>
</main>
<script src="/sandbox-processor/card.js"></script>
</body>
</html>`

export const SANDBOX_CARD_SCRIPT = `(() => {
  const form = document.getElementById('card')
  const field = (id) => document.getElementById(id)
  const show = (name, message) => {
    field(name + '-error').textContent = message || ''
    field(name).setAttribute('aria-invalid', message ? 'true' : 'false')
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    show('number', '')
    show('expiry', '')
    field('done').textContent = ''
    const response = await fetch('/sandbox-processor/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ number: field('number').value, expiry: field('expiry').value, cvc: field('cvc').value }),
    })
    const body = await response.json()
    if (!response.ok) {
      const errors = body.errors || {}
      show('number', errors.number)
      show('expiry', errors.expiry || errors.cvc)
      if (!errors.number && !errors.expiry && !errors.cvc) show('number', body.detail)
      return
    }
    field('done').textContent = body.brand + ' ending in ' + body.last4 + ' is ready.'
    parent.postMessage({ source: 'sandbox-processor', token: body.token, brand: body.brand, last4: body.last4 }, location.origin)
  })
})()
`
