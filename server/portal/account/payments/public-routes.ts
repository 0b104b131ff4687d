import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { clientAddress } from '../../../platform/auth/client.ts'
import type { CookiePolicy } from '../../../platform/auth/cookies.ts'
import { admitAttempt } from '../../../platform/auth/sign-in.ts'
import type { Database } from '../../../platform/db/database.ts'
import { Unauthorized } from '../../../platform/http/problems.ts'
import type { SecretBox } from '../../../platform/mail/secrets.ts'
import { findPortalPracticeOrNotFound } from '../../../practice/queries.ts'
import { readPaymentForm } from './form.ts'
import { makePayment, paymentProcessorOf } from './make-payment.ts'
import type { PaymentProcessors } from './processor.ts'
import { openPass, PAYMENT_PASS_SECONDS, sealPass, verifiedPayerPass } from './public.ts'
import { actorAuditor } from './reconcile.ts'
import { paymentInput } from './routes.ts'
import { PaymentBody, PaymentResult, PaymentSetupView } from './schemas.ts'
import { payerVerificationCounters } from './throttle.ts'
import { paymentResultView } from './view.ts'

const PASS_COOKIE = 'bitewing_pay'
const PASS_PATH = '/api/public/payments'

const VerifyBody = Type.Object(
  {
    firstName: Type.String({ minLength: 1, maxLength: 100 }),
    lastName: Type.String({ minLength: 1, maxLength: 100 }),
    birthdate: Type.String({ format: 'date' }),
    /** The sealed statement from a statement's payment link, when the patient came by one. */
    statement: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
)

/**
 * Make payment without signing in (the sign-in page's link, or a statement's): the payer first
 * proves first name, last name and birthdate (throttled; nothing about anyone is shown before a
 * match), which gives a short-lived sealed pass in a cookie; then the same form and command as
 * signed in, without saved cards.
 */
export const publicPaymentRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  processors: PaymentProcessors
  secrets: SecretBox
  cookies: CookiePolicy
}> = async (app, { db, processors, secrets, cookies }) => {
  const practiceOf = async () => {
    const practice = await findPortalPracticeOrNotFound(db)
    await paymentProcessorOf(db, processors, practice.id)
    return practice
  }
  const passOf = (request: FastifyRequest) => {
    const pass = openPass(secrets, request.cookies[PASS_COOKIE], new Date())
    if (!pass) throw new Unauthorized('Please confirm who you are first; the time to pay ran out.')
    return pass
  }

  app.post(`${PASS_PATH}/verify`, { schema: { body: VerifyBody } }, async (request, reply) => {
    const practice = await practiceOf()
    const ip = clientAddress(request)
    await admitAttempt(db, reply, payerVerificationCounters(practice.id, ip, request.body), {
      practiceId: practice.id,
      action: 'payment.verify_throttled',
      ip,
    })
    const pass = await verifiedPayerPass(db, secrets, practice.id, request.body)
    setPassCookie(reply, sealPass(secrets, pass), cookies)
    return reply.status(204).send()
  })

  app.get(
    `${PASS_PATH}/form`,
    { schema: { response: { 200: PaymentSetupView } } },
    async (request, reply) => {
      await practiceOf()
      const pass = passOf(request)
      reply.header('Cache-Control', 'no-store')
      return readPaymentForm(db, processors, { ...pass, signedIn: false })
    },
  )

  app.post(
    PASS_PATH,
    { schema: { body: PaymentBody, response: { 200: PaymentResult } } },
    async (request) => {
      const practice = await practiceOf()
      const pass = passOf(request)
      const payer = { ...pass, portalUserId: null }
      const audit = actorAuditor({ type: 'anonymous' }, pass.practiceId, pass.holderId)
      const attempt = await makePayment(db, processors, payer, audit, paymentInput(request.body))
      return paymentResultView(attempt, practice.name)
    },
  )
}

function setPassCookie(reply: FastifyReply, sealed: string, policy: CookiePolicy) {
  reply.setCookie(PASS_COOKIE, sealed, {
    path: PASS_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: policy.secure,
    maxAge: PAYMENT_PASS_SECONDS,
  })
}
