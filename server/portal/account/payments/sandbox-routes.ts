import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { clientAddress } from '../../../platform/auth/client.ts'
import { admitAttempt } from '../../../platform/auth/sign-in.ts'
import type { Database } from '../../../platform/db/database.ts'
import { Invalid } from '../../../platform/http/problems.ts'
import { findPortalPracticeOrNotFound } from '../../../practice/queries.ts'
import { serveCardPage } from './card-page.ts'
import { SANDBOX_CARD_PAGE, tokenizeSandboxCard } from './sandbox.ts'
import { SANDBOX_CARD_CSP, SANDBOX_CARD_HTML, SANDBOX_CARD_SCRIPT } from './sandbox-page.ts'
import { SANDBOX_CARD_ADDRESS } from './throttle.ts'

const CardBody = Type.Object(
  {
    number: Type.String({ maxLength: 30 }),
    expiry: Type.String({ maxLength: 7 }),
    cvc: Type.String({ maxLength: 4 }),
  },
  { additionalProperties: false },
)

/**
 * The sandbox processor's own pages, standing where a real processor's servers would: its card
 * page (framed by the Make payment form) and the endpoint that turns a test card into a token.
 */
export const sandboxProcessorRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (
  app,
  { db },
) => {
  serveCardPage(app, {
    path: SANDBOX_CARD_PAGE,
    csp: SANDBOX_CARD_CSP,
    html: () => SANDBOX_CARD_HTML,
    script: SANDBOX_CARD_SCRIPT,
  })

  app.post('/sandbox-processor/tokens', { schema: { body: CardBody } }, async (request, reply) => {
    const practice = await findPortalPracticeOrNotFound(db)
    const ip = clientAddress(request)
    await admitAttempt(db, reply, [{ rule: SANDBOX_CARD_ADDRESS, key: ip }], {
      practiceId: practice.id,
      action: 'payment.sandbox_card_throttled',
      ip,
    })
    const expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(request.body.expiry)
    if (!expiry) throw new Invalid('Check the expiry.', { expiry: 'Give the expiry as MM/YY.' })
    if (!/^\d{3,4}$/.test(request.body.cvc)) {
      throw new Invalid('Check the CVC.', { cvc: 'Give the 3 or 4 digits on the card.' })
    }
    const result = await tokenizeSandboxCard(
      db,
      { number: request.body.number, expMonth: Number(expiry[1]), expYear: Number(expiry[2]) },
      new Date(),
    )
    if (!result.ok) throw new Invalid(result.message, { [result.field]: result.message })
    return reply.status(201).send({ token: result.token, ...result.card })
  })
}
