import type { Database } from '../../../platform/db/database.ts'
import type { PaymentProcessors } from './processor.ts'
import { sandboxProcessor } from './sandbox.ts'
import { type StripeSettings, stripeProcessor } from './stripe.ts'

/** The processors this server offers: the sandbox always, Stripe when it is configured. */
export function paymentProcessors(
  db: Database,
  stripe: StripeSettings | undefined,
): PaymentProcessors {
  return { sandbox: sandboxProcessor(db), ...(stripe ? { stripe: stripeProcessor(stripe) } : {}) }
}
