import { randomUUID } from 'node:crypto'
import type { Static } from 'typebox'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createBackgroundWorker } from '../../../background.ts'
import { describeEachDatabase } from '../../../platform/db/testing.ts'
import { createSyncKey } from '../../../sync/keys.ts'
import { updatePatient } from '../../../testing/fixtures.ts'
import { TEST_ORIGIN } from '../../../testing/http.ts'
import { sandboxCardToken, turnOnSandboxPayments } from '../../../testing/payments.ts'
import { type LoopbackSmtp, startLoopbackSmtp } from '../../../testing/smtp.ts'
import { familyRequests, useFamilyApp, withPortalFeatureOff } from '../../../testing/suite.ts'
import { reconcileAttempt } from './reconcile.ts'
import { sandboxProcessor } from './sandbox.ts'
import type { PaymentBody } from './schemas.ts'

const SUCCESS = '4242 4242 4242 4242'
const DECLINE = '4000 0000 0000 0002'
const TIMEOUT = '4000 0000 0000 0119'

/** A payment as the form sends it, its page key made afresh unless the test gives one. */
type Payment = Omit<Static<typeof PaymentBody>, 'idempotencyKey'> & { idempotencyKey?: string }

const key = () => randomUUID().replaceAll('-', '')

describeEachDatabase('portal: make payment', (kind) => {
  const suite = useFamilyApp(kind)
  const { get, post, base } = familyRequests(suite)
  let smtp: LoopbackSmtp

  const charges = async () =>
    (await suite.db.selectFrom('sandbox_charges').selectAll().orderBy('id').execute()).length
  const onlinePayments = () =>
    suite.db
      .selectFrom('payments')
      .selectAll()
      .where('made_online', '=', true)
      .orderBy('id')
      .execute()
  /** Maria pays from the form. */
  const pay = (payment: Payment) =>
    post(`${base('maria')}/payments`, { idempotencyKey: key(), ...payment })
  /** What the background job does with an attempt whose outcome is unknown. */
  const reconcile = (attemptId: number, now?: Date) =>
    reconcileAttempt(
      suite.db,
      { sandbox: sandboxProcessor(suite.db) },
      suite.family.practiceId,
      attemptId,
      now,
    )

  beforeAll(async () => {
    const { practiceId } = suite.family
    await turnOnSandboxPayments(suite.db, practiceId)
    await updatePatient(suite.db, suite.family.patients.maria, { email: 'maria@example.test' })
    smtp = await startLoopbackSmtp()
  })
  afterAll(async () => {
    await smtp?.close()
  })

  it('starts the form at the last statement balance, with the processor card page', async () => {
    const form = await get(`${base('luis')}/payments/form`)
    expect(form.statusCode).toBe(200)
    expect(form.json()).toEqual({
      currency: 'CAD',
      maximumCents: 500_000,
      amountCents: 4_550,
      statementDate: '2026-02-10',
      cardEntry: { kind: 'sandbox', framePath: '/sandbox-processor/card' },
      savedCards: [],
    })
  })

  it('pays with a new card, saves it, shows the payment pending and emails a receipt', async () => {
    const token = await sandboxCardToken(suite, SUCCESS)
    const pageKey = key()
    const paid = await pay({
      idempotencyKey: pageKey,
      amountCents: 4_550,
      note: 'For February',
      cardToken: token,
      saveCard: true,
    })
    expect(paid.statusCode).toBe(200)
    expect(paid.json()).toMatchObject({
      status: 'succeeded',
      message: null,
      amountCents: 4_550,
      card: { brand: 'Visa', last4: '4242' },
    })
    // The processor gets the page's key within the practice: another practice's page may have
    // chosen the same one, and must not be taken for this charge.
    const charged = await suite.db
      .selectFrom('sandbox_charges')
      .select('idempotency_key')
      .where('idempotency_key', 'like', `%${pageKey}`)
      .execute()
    expect(charged).toEqual([{ idempotency_key: `p${suite.family.practiceId}-${pageKey}` }])
    await suite.settle()
    const account = (await get(`${base('maria')}/account`)).json()
    expect(account.payments[0]).toMatchObject({
      amountCents: 4_550,
      status: 'Pending',
      note: 'For February',
      card: 'Visa ····4242',
    })
    const form = (await get(`${base('maria')}/payments/form`)).json()
    expect(form.savedCards).toEqual([
      { id: expect.any(Number), label: 'Visa ending in 4242', expires: '12/2039' },
    ])
    const cards = await suite.db.selectFrom('payment_cards').selectAll().execute()
    expect(cards[0]).toMatchObject({ processor_token: token, last4: '4242' })
    expect(cards[0]?.customer_token).toMatch(/^sbx_cus_/)

    const receipt = await get(`${base('maria')}/payments/${paid.json().id}`)
    expect(receipt.json()).toMatchObject({ status: 'succeeded', amountCents: 4_550 })

    const worker = createBackgroundWorker({
      db: suite.db,
      files: suite.files,
      config: { smtpUrl: smtp.url, mailFrom: 'office@example.test' },
    })
    await worker.runDue()
    const mail = smtp.received.find((message) => message.to.includes('maria@example.test'))
    expect(mail?.raw).toContain('Amount: $45.50')
    expect(mail?.raw).toContain('Visa ending in 4242')
    // No name, no note, nothing about the account beyond the payment itself.
    expect(mail?.raw).not.toMatch(/Maria|Garcia|February/)
  })

  it('makes one address wait after many cards on the sandbox card page', async () => {
    const type = () =>
      suite.app.inject({
        method: 'POST',
        url: '/sandbox-processor/tokens',
        payload: { number: SUCCESS, expiry: '12/39', cvc: '123' },
        headers: { origin: TEST_ORIGIN, 'x-forwarded-for': '198.51.100.5' },
        remoteAddress: '198.51.100.5',
      })
    const codes: number[] = []
    for (let card = 0; card < 61; card += 1) codes.push((await type()).statusCode)
    expect(codes.slice(0, 60)).toEqual(Array(60).fill(201))
    expect(codes[60]).toBe(429)
  })

  it('pays again with the saved card', async () => {
    const form = (await get(`${base('maria')}/payments/form`)).json()
    const before = await charges()
    const paid = await pay({ amountCents: 1_000, savedCardId: form.savedCards[0].id })
    expect(paid.json()).toMatchObject({ status: 'succeeded', card: { last4: '4242' } })
    expect(await charges()).toBe(before + 1)
  })

  it('says clearly when a card is declined, and records no payment', async () => {
    const token = await sandboxCardToken(suite, DECLINE)
    const before = (await onlinePayments()).length
    const refused = await pay({ amountCents: 4_550, cardToken: token, saveCard: true })
    expect(refused.statusCode).toBe(200)
    expect(refused.json()).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/declined\. No money was taken/),
    })
    expect((await onlinePayments()).length).toBe(before)
    const cards = await suite.db.selectFrom('payment_cards').select('last4').execute()
    expect(cards.map((card) => card.last4)).not.toContain('0002')
  })

  it('refuses an amount above the practice maximum and changes nothing', async () => {
    const token = await sandboxCardToken(suite, SUCCESS)
    const before = await charges()
    const refused = await pay({ amountCents: 500_001, cardToken: token })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().errors.amountCents).toMatch(/at most 5000\.00/)
    expect(await charges()).toBe(before)
    const zero = await pay({ amountCents: 0, cardToken: token })
    expect(zero.statusCode).toBe(400)
  })

  it('charges once when the same payment is sent many times at once', async () => {
    const token = await sandboxCardToken(suite, SUCCESS)
    const idempotencyKey = key()
    const chargesBefore = await charges()
    const paymentsBefore = (await onlinePayments()).length
    const burst = await Promise.all(
      Array.from({ length: 12 }, () =>
        pay({ idempotencyKey, amountCents: 2_000, cardToken: token }),
      ),
    )
    expect(burst.map((response) => response.statusCode)).toEqual(Array(12).fill(200))
    expect(new Set(burst.map((response) => response.json().id)).size).toBe(1)
    expect(await charges()).toBe(chargesBefore + 1)
    expect((await onlinePayments()).length).toBe(paymentsBefore + 1)
    // A retry after the answer gets the same payment, charged once.
    const again = await pay({ idempotencyKey, amountCents: 2_000, cardToken: token })
    expect(again.json()).toMatchObject({ id: burst[0]?.json().id, status: 'succeeded' })
    expect(await charges()).toBe(chargesBefore + 1)
  })

  it('refuses the same key for a different amount', async () => {
    const token = await sandboxCardToken(suite, SUCCESS)
    const idempotencyKey = key()
    await pay({ idempotencyKey, amountCents: 1_500, cardToken: token })
    const other = await pay({ idempotencyKey, amountCents: 1_600, cardToken: token })
    expect(other.statusCode).toBe(409)
  })

  it('leaves a timed-out charge unknown, then reconciles it with the processor', async () => {
    const token = await sandboxCardToken(suite, TIMEOUT)
    const before = (await onlinePayments()).length
    const lost = await pay({ amountCents: 3_000, cardToken: token })
    expect(lost.json()).toMatchObject({
      status: 'unknown',
      message: expect.stringMatching(/Do not pay again/),
    })
    expect((await onlinePayments()).length).toBe(before)
    const jobs = await suite.db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', 'payment.reconcile')
      .execute()
    expect(jobs).toHaveLength(1)
    const settled = await reconcile(lost.json().id)
    expect(settled?.status).toBe('succeeded')
    expect((await onlinePayments()).length).toBe(before + 1)
    // A second run (a webhook, another instance) finds it decided and adds nothing.
    await reconcile(lost.json().id)
    expect((await onlinePayments()).length).toBe(before + 1)
  })

  it('fails a lost charge the processor never received only once "not found" can be trusted', async () => {
    const token = await sandboxCardToken(suite, TIMEOUT)
    const before = (await onlinePayments()).length
    const lost = await pay({ amountCents: 2_000, cardToken: token })
    expect(lost.json().status).toBe('unknown')
    // As if the request had never reached the processor: no charge carries the attempt's key.
    const attempt = await suite.db
      .updateTable('payment_attempts')
      .set({ idempotency_key: key() })
      .where('id', '=', lost.json().id)
      .returning('created_at')
      .executeTakeFirstOrThrow()
    const made = new Date(attempt.created_at).getTime()
    const reconcileAt = (at: number) => reconcile(lost.json().id, new Date(at))
    // Soon after, "not found" may only mean not indexed yet: ask again later, decide nothing.
    await expect(reconcileAt(made + 5 * 60_000)).rejects.toThrow(/not found the charge yet/)
    expect((await reconcileAt(made + 3 * 60 * 60_000))?.status).toBe('failed')
    expect((await onlinePayments()).length).toBe(before)
  })

  it('puts each payment in the sync feed, and the PMS posting it clears the pending state', async () => {
    const { key: apiKey } = await createSyncKey(suite.db, suite.family.practiceId, 'PMS')
    const call = (method: 'GET' | 'PUT', url: string, payload?: object) =>
      suite.app.inject({
        method,
        url: `/api/sync/v1/${url}`,
        headers: { authorization: `Bearer ${apiKey}` },
        ...(payload ? { payload } : {}),
      })
    await updatePatient(suite.db, suite.family.patients.maria, { external_id: 'PAT-MARIA' })
    const feed = (await call('GET', 'events?limit=1000')).json()
    const made = feed.events.filter((event: { type: string }) => event.type === 'payment.made')
    expect(made.length).toBe((await onlinePayments()).length)
    const first = made[0].data
    expect(first).toMatchObject({
      amountCents: 4_550,
      currency: 'CAD',
      cardBrand: 'Visa',
      cardLast4: '4242',
      processor: 'sandbox',
      processorReference: expect.stringMatching(/^sbx_ch_/),
      paymentExternalId: `portal-payment-${first.paymentId}`,
    })
    const posted = await call('PUT', `payments/${first.paymentExternalId}`, {
      patientExternalId: 'PAT-MARIA',
      amountCents: 4_550,
      paidAt: first.paidAt,
      method: 'Visa',
      status: 'Posted',
      cardBrand: 'Visa',
      cardLast4: '4242',
    })
    expect(posted.statusCode).toBeLessThan(300)
    await suite.settle()
    const account = (await get(`${base('maria')}/account`)).json()
    const payment = account.payments.find((row: { id: number }) => row.id === first.paymentId)
    expect(payment.status).toBe('Posted')
  })

  it('lets no one pay an account they may not see, and nobody pay while payments are off', async () => {
    const ann = await post(
      `/api/portal/patients/${suite.family.patients.maria}/payments`,
      { idempotencyKey: key(), amountCents: 100, cardToken: 'sbx_pm_whatever' },
      suite.cookies.ann,
    )
    expect(ann.statusCode).toBe(404)
    await withPortalFeatureOff(
      suite,
      suite.family.practiceId,
      'feature_make_payments',
      async () => {
        const off = await get(`${base('maria')}/payments/form`)
        expect(off.statusCode).toBe(403)
      },
    )
  })
})
