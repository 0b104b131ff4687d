import { randomUUID } from 'node:crypto'
import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib'
import { beforeAll, expect, it } from 'vitest'
import { describeEachDatabase } from '../../../platform/db/testing.ts'
import { updatePatient } from '../../../testing/fixtures.ts'
import { browserPost, cookieFrom, TEST_ORIGIN } from '../../../testing/http.ts'
import { sandboxCardToken, turnOnSandboxPayments } from '../../../testing/payments.ts'
import { useFamilyApp, withPortalFeatureOff } from '../../../testing/suite.ts'
import { statementPaymentLink } from './public.ts'

const key = () => randomUUID().replaceAll('-', '')

describeEachDatabase('portal: make payment without signing in', (kind) => {
  const suite = useFamilyApp(kind)
  const maria = { firstName: 'maría', lastName: 'GARCIA', birthdate: '1985-04-12' }
  const luis = { firstName: 'Luis', lastName: 'Garcia', birthdate: '1984-09-30' }

  beforeAll(async () => {
    const { practiceId, patients } = suite.family
    await turnOnSandboxPayments(suite.db, practiceId)
    await updatePatient(suite.db, patients.maria, { birthdate: maria.birthdate })
    await updatePatient(suite.db, patients.luis, { birthdate: luis.birthdate })
    await updatePatient(suite.db, patients.smith, { birthdate: '1990-01-01' })
  })

  const verify = (body: object, ip = '203.0.113.9') =>
    suite.app.inject({
      method: 'POST',
      url: '/api/public/payments/verify',
      payload: body,
      headers: { origin: TEST_ORIGIN, 'x-forwarded-for': ip },
      remoteAddress: ip,
    })
  const pass = async (body: object) => {
    const verified = await verify(body)
    expect(verified.statusCode).toBe(204)
    return cookieFrom(verified, 'bitewing_pay')
  }

  it('shows nothing before a match, then the account balance to pay', async () => {
    const noForm = await suite.app.inject({ url: '/api/public/payments/form' })
    expect(noForm.statusCode).toBe(401)
    const wrong = await verify({ ...maria, birthdate: '1985-04-13' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().detail).toMatch(/could not match/)
    expect(wrong.body).not.toMatch(/Garcia|4550/)

    const cookie = await pass(maria)
    const form = await suite.app.inject({
      url: '/api/public/payments/form',
      headers: { cookie },
    })
    expect(form.json()).toMatchObject({ amountCents: 4_550, savedCards: [] })
  })

  it('pays from the pass, as nobody signed in, into the guarantor account', async () => {
    const cookie = await pass(luis)
    const token = await sandboxCardToken(suite, '4242424242424242')
    const paid = await suite.app.inject({
      method: 'POST',
      url: '/api/public/payments',
      payload: { idempotencyKey: key(), amountCents: 4_550, cardToken: token, saveCard: true },
      headers: { cookie, origin: TEST_ORIGIN },
    })
    expect(paid.json()).toMatchObject({ status: 'succeeded', amountCents: 4_550 })
    const payment = await suite.db
      .selectFrom('payments')
      .selectAll()
      .where('payment_attempt_id', '=', paid.json().id)
      .executeTakeFirstOrThrow()
    expect(payment).toMatchObject({
      patient_id: suite.family.patients.maria,
      made_by_portal_user_id: null,
      status: 'Pending',
    })
    // Nobody signed in: no card is kept.
    expect(await suite.db.selectFrom('payment_cards').selectAll().execute()).toEqual([])
  })

  it('takes a statement link only for someone on that statement account, and not forged', async () => {
    const link = statementPaymentLink(
      suite.secrets,
      TEST_ORIGIN,
      { practiceId: suite.family.practiceId, statementId: suite.family.statements.latestStatement },
      new Date(),
    )
    const statement = decodeURIComponent(new URL(link).searchParams.get('statement') ?? '')
    expect((await verify({ ...luis, statement })).statusCode).toBe(204)
    const ann = await verify({
      firstName: 'Ann',
      lastName: 'Smith',
      birthdate: '1990-01-01',
      statement,
    })
    expect(ann.statusCode).toBe(400)
    expect((await verify({ ...luis, statement: `${statement.slice(0, -4)}AAAA` })).statusCode).toBe(
      400,
    )
    const expired = statementPaymentLink(
      suite.secrets,
      TEST_ORIGIN,
      { practiceId: suite.family.practiceId, statementId: suite.family.statements.latestStatement },
      new Date(Date.now() - 91 * 86_400_000),
    )
    const old = decodeURIComponent(new URL(expired).searchParams.get('statement') ?? '')
    expect((await verify({ ...luis, statement: old })).json().detail).toMatch(/expired/)
  })

  it('prints on the statement PDF a link that opens the pay page for that statement', async () => {
    const original = await PDFDocument.create()
    original.addPage([612, 792]).drawText('Statement of account')
    const stored = Buffer.from(await original.save())
    await suite.files.put('statements/maria-1.pdf', stored)
    const pdfUrl = `/api/portal/patients/${suite.family.patients.maria}/statements/${suite.family.statements.latestStatement}/pdf`
    const served = await suite.app.inject({ url: pdfUrl, headers: { cookie: suite.cookies.maria } })
    expect(served.statusCode).toBe(200)
    const printed = await PDFDocument.load(served.rawPayload)
    expect(printed.getPageCount()).toBe(2)
    const annotation = printed.getPage(1).node.Annots()?.lookup(0) as PDFDict
    const action = annotation.lookup(PDFName.of('A'), PDFDict)
    const link = new URL((action.lookup(PDFName.of('URI'), PDFString) as PDFString).decodeText())
    expect(link.pathname).toBe('/pay')
    const statement = link.searchParams.get('statement') ?? ''

    // The link opens the pay page for that statement: the guarantor confirms who they are and
    // is offered the statement's balance.
    const cookie = await pass({ ...maria, statement })
    const form = await suite.app.inject({ url: '/api/public/payments/form', headers: { cookie } })
    expect(form.json()).toMatchObject({ amountCents: 4_550, statementDate: '2026-02-10' })
    // A forged or expired link is refused.
    const forged = await verify(
      { ...maria, statement: `${statement.slice(0, -6)}AAAAAA` },
      '203.0.113.77',
    )
    expect(forged.statusCode).toBe(400)
    const expired = statementPaymentLink(
      suite.secrets,
      link.origin,
      { practiceId: suite.family.practiceId, statementId: suite.family.statements.latestStatement },
      new Date(Date.now() - 91 * 86_400_000),
    )
    const old = new URL(expired).searchParams.get('statement') ?? ''
    expect((await verify({ ...maria, statement: old }, '203.0.113.78')).json().detail).toMatch(
      /expired/,
    )

    // A practice that takes no payments online serves the statement as the PMS sent it.
    await withPortalFeatureOff(
      suite,
      suite.family.practiceId,
      'feature_make_payments',
      async () => {
        const plain = await suite.app.inject({
          url: pdfUrl,
          headers: { cookie: suite.cookies.maria },
        })
        expect(Buffer.compare(plain.rawPayload, stored)).toBe(0)
      },
    )
  })

  it('makes a guesser wait after five tries at one person, even from many addresses and spellings', async () => {
    // Spellings the name match treats as the same person are the same person's tries.
    const spellings = [
      'Garcia',
      'García',
      'GARCIA',
      'Garcia-',
      ' Garcia ',
      "Garcia'",
      'garcía',
      'Garcia--',
    ]
    const guess = (n: number) =>
      verify(
        { firstName: `Guess${n}`, lastName: spellings[n] ?? 'Garcia', birthdate: '2001-02-03' },
        `198.51.100.${n}`,
      )
    const answers = await Promise.all(Array.from({ length: 8 }, (_, n) => guess(n)))
    const codes = answers.map((answer) => answer.statusCode)
    expect(codes.filter((code) => code === 400)).toHaveLength(5)
    expect(codes.filter((code) => code === 429)).toHaveLength(3)
  })

  it('refuses a payment with no pass', async () => {
    const refused = await browserPost(suite.app, '/api/public/payments', {
      idempotencyKey: key(),
      amountCents: 100,
      cardToken: 'sbx_pm_nothing',
    })
    expect(refused.statusCode).toBe(401)
  })
})
