import { randomUUID } from 'node:crypto'
import type { Static } from 'typebox'
import { beforeAll, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { auditRowsOf } from '../../testing/audit.ts'
import { seedPatient, seedPractice } from '../../testing/fixtures.ts'
import { TEST_ORIGIN } from '../../testing/http.ts'
import { sandboxCardToken, turnOnSandboxPayments } from '../../testing/payments.ts'
import { familyRequests, signedInOfficeTeam, useFamilyApp } from '../../testing/suite.ts'
import type { RefundBody } from './schemas.ts'

const SUCCESS = '4242 4242 4242 4242'

describeEachDatabase('office: online payments and refunds', (kind) => {
  const suite = useFamilyApp(kind)
  const { get, post, base } = familyRequests(suite)
  let team: Awaited<ReturnType<typeof signedInOfficeTeam>>
  let otherPracticePayment = 0

  const office = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
    suite.app.inject({ method, url, payload, headers: { origin: TEST_ORIGIN, cookie } })
  /** A staff member (by session cookie) refunds a payment from the Online payments page. */
  const refund = (paymentId: number, cookie: string, body: Static<typeof RefundBody>) =>
    office('POST', `/api/office/payments/${paymentId}/refund`, cookie, body)

  /** Maria pays from the portal with the sandbox's success card; the payment's id. */
  async function mariaPays(amountCents: number) {
    const paid = await post(`${base('maria')}/payments`, {
      idempotencyKey: randomUUID().replaceAll('-', ''),
      amountCents,
      note: 'For the cleaning',
      cardToken: await sandboxCardToken(suite, SUCCESS),
    })
    expect(paid.json()).toMatchObject({ status: 'succeeded' })
    const row = await suite.db
      .selectFrom('payments')
      .select('id')
      .where('payment_attempt_id', '=', paid.json().id)
      .executeTakeFirstOrThrow()
    return row.id
  }

  const refundedCents = async (paymentId: number) => {
    const row = await suite.db
      .selectFrom('payments')
      .innerJoin('sandbox_charges', 'sandbox_charges.reference', 'payments.processor_reference')
      .select('sandbox_charges.refunded_cents')
      .where('payments.id', '=', paymentId)
      .executeTakeFirstOrThrow()
    return Number(row.refunded_cents)
  }

  beforeAll(async () => {
    const { practiceId } = suite.family
    await turnOnSandboxPayments(suite.db, practiceId)
    team = await signedInOfficeTeam(suite, practiceId)

    const other = await seedPractice(suite.db, { name: 'Other Dental' })
    const stranger = await seedPatient(suite.db, { practiceId: other })
    const attempt = await suite.db
      .insertInto('payment_attempts')
      .values({
        practice_id: other,
        idempotency_key: 'other-practice-key',
        patient_id: stranger,
        amount_cents: 1_000,
        currency: 'CAD',
        processor: 'sandbox',
        status: 'succeeded',
        processor_reference: 'sbx_ch_other',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const payment = await suite.db
      .insertInto('payments')
      .values({
        practice_id: other,
        patient_id: stranger,
        amount_cents: 1_000,
        method: 'Visa',
        made_online: true,
        processor_reference: 'sbx_ch_other',
        payment_attempt_id: attempt.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    otherPracticePayment = payment.id
  })

  it('lists the payments to post first, with their receipt details', async () => {
    const paymentId = await mariaPays(4_550)
    const listed = await office('GET', '/api/office/payments', team.desk.cookie)
    expect(listed.statusCode).toBe(200)
    const payment = listed.json().find((row: { id: number }) => row.id === paymentId)
    expect(payment).toMatchObject({
      amountCents: 4_550,
      currency: 'CAD',
      status: 'Pending',
      card: 'Visa ending in 4242',
      note: 'For the cleaning',
      processor: 'sandbox',
      receiptNumber: expect.any(Number),
      refund: null,
    })
    expect(listed.json().map((row: { id: number }) => row.id)).not.toContain(otherPracticePayment)
    expect((await auditRowsOf(suite.db, 'online_payments.viewed')).length).toBeGreaterThan(0)
  })

  it('refunds a payment once under a burst of clicks, in the feed and the patient history', async () => {
    const paymentId = await mariaPays(3_000)
    const burst = await Promise.all(
      Array.from({ length: 8 }, () =>
        refund(paymentId, team.desk.cookie, { reason: 'Charged twice by mistake' }),
      ),
    )
    const codes = burst.map((response) => response.statusCode).sort()
    expect(codes).toEqual([200, 409, 409, 409, 409, 409, 409, 409])
    const done = burst.find((response) => response.statusCode === 200)?.json()
    expect(done).toMatchObject({
      status: 'Refunded',
      refund: { amountCents: 3_000, reason: 'Charged twice by mistake' },
    })
    expect(await refundedCents(paymentId)).toBe(3_000)
    const refunds = await suite.db.selectFrom('payment_refunds').selectAll().execute()
    expect(refunds.filter((row) => row.processor_reference !== null)).toHaveLength(1)

    const events = await suite.db
      .selectFrom('sync_events')
      .select(['payload'])
      .where('kind', '=', 'payment.refunded')
      .where('entity_id', '=', paymentId)
      .execute()
    expect(events).toHaveLength(1)
    expect(events[0]?.payload).toMatchObject({ paymentId, amountCents: 3_000, currency: 'CAD' })

    await suite.settle()
    const account = (await get(`${base('maria')}/account`)).json()
    expect(
      account.payments.find((row: { amountCents: number }) => row.amountCents === 3_000),
    ).toMatchObject({ status: 'Refunded' })

    const audit = await suite.db
      .selectFrom('audit_events')
      .select(['details', 'staff_user_id'])
      .where('action', '=', 'payment.refunded')
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      staff_user_id: team.desk.id,
      details: { reason: 'Charged twice by mistake', amountCents: 3_000 },
    })
  })

  it('refunds part of a payment, never more than was paid, and only with a reason', async () => {
    const paymentId = await mariaPays(5_000)
    const tooMuch = await refund(paymentId, team.admin.cookie, {
      amountCents: 5_001,
      reason: 'Overpaid',
    })
    expect(tooMuch.statusCode).toBe(400)
    const noReason = await refund(paymentId, team.admin.cookie, { reason: '  ' })
    expect(noReason.statusCode).toBe(400)
    expect(await refundedCents(paymentId)).toBe(0)
    const part = await refund(paymentId, team.admin.cookie, {
      amountCents: 1_200,
      reason: 'Overpaid',
    })
    expect(part.json()).toMatchObject({ refund: { amountCents: 1_200 }, status: 'Refunded' })
    expect(await refundedCents(paymentId)).toBe(1_200)
  })

  it("answers 404 for another practice's payment and refunds nothing", async () => {
    const refused = await refund(otherPracticePayment, team.admin.cookie, { reason: 'Not ours' })
    expect(refused.statusCode).toBe(404)
    expect(refused.headers['content-type']).toContain('application/problem+json')
    const refunds = await suite.db
      .selectFrom('payment_refunds')
      .select('id')
      .where('practice_id', '!=', suite.family.practiceId)
      .execute()
    expect(refunds).toHaveLength(0)
  })

  it('refuses providers, who have no payments page', async () => {
    const paymentId = await mariaPays(700)
    expect((await office('GET', '/api/office/payments', team.provider.cookie)).statusCode).toBe(403)
    const refused = await refund(paymentId, team.provider.cookie, { reason: 'Trying' })
    expect(refused.statusCode).toBe(403)
    expect(await refundedCents(paymentId)).toBe(0)
  })
})
