import type { APIRequestContext, Page } from '@playwright/test'
import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib'
import { readmeStatementPdf } from '../../server/sync/readme-example.ts'
import { fillBirthdate } from './birthdate.ts'
import { expectUsablePage } from './checks.ts'
import { expect, type FreshFamily, familyEventsInFeed, test } from './fresh-family.ts'
import { tabAndEnter, tabAndType, tabTo } from './keyboard.ts'
import { signInToPortal } from './portal.ts'
import { openTab } from './portal-tabs.ts'

// Several page loads and two payments per test on a shared, busy server.
test.describe.configure({ timeout: 120_000 })

const CARD_FRAME = "Card details, on the card processor's page"

/** A statement for the family's account, pushed by the PMS. */
async function pushStatement(
  sync: APIRequestContext,
  family: FreshFamily,
  cents: number,
  pdf?: Buffer,
) {
  const answer = await sync.put(`/api/sync/v1/statements/e2e-${family.tag}-statement`, {
    data: {
      patientExternalId: `e2e-${family.tag}-guarantor`,
      statementDate: new Date().toISOString().slice(0, 10),
      balanceCents: cents,
      status: 'Processed',
      ...(pdf ? { pdf: pdf.toString('base64') } : {}),
    },
  })
  expect(answer.ok(), await answer.text()).toBe(true)
}

/** Types a test card into the processor's own page (its frame) and waits for its token. */
async function enterCard(page: Page, number: string) {
  const frame = page.frameLocator(`iframe[title="${CARD_FRAME}"]`)
  await frame.getByRole('textbox', { name: 'Card number' }).fill(number)
  await frame.getByRole('textbox', { name: 'Expiry (MM/YY)' }).fill('12/39')
  await frame.getByRole('textbox', { name: 'CVC' }).fill('123')
  await frame.getByRole('button', { name: 'Use this card' }).click()
  // The form has the token once it says so (the frame posts it back).
  await expect(page.getByText(/ending in \d{4} is ready to use\./)).toBeVisible()
}

test('a guarantor pays with a new card she saves, once, then again with the saved card', async ({
  page,
  freshFamily,
  familyClients,
}) => {
  const family = await freshFamily()
  await pushStatement(familyClients.sync, family, 12_345)
  await signInToPortal(page, family.guarantor, family.guarantor.name)
  await openTab(page, 'Account')
  await page.getByRole('button', { name: 'Make payment' }).click()
  await expect(page.getByRole('textbox', { name: 'Amount' })).toHaveValue('123.45')
  await page.getByRole('textbox', { name: /Note for the office/ }).fill('Thank you')
  await enterCard(page, '4242 4242 4242 4242')
  await expect(page.getByText('Visa ending in 4242 is ready to use.')).toBeVisible()
  await page.getByRole('checkbox', { name: /Save this card/ }).check()
  await expectUsablePage(page)
  await page.getByRole('button', { name: 'Continue' }).click()

  await expect(page.getByRole('heading', { name: 'Confirm your payment' })).toBeVisible()
  // A double click on Pay is one payment.
  await page.getByRole('button', { name: /^Pay .*123\.45/ }).dblclick()
  await expect(page.getByRole('heading', { name: 'Payment received' })).toBeVisible()
  await expectUsablePage(page)
  const payments = page.getByRole('table', { name: 'Payments, newest first' })
  await expect(payments.getByRole('row').nth(1)).toContainText('Pending')
  await expect(payments.getByRole('row').nth(1)).toContainText('4242')
  expect(await familyEventsInFeed(familyClients.sync, family, 'payment.made')).toHaveLength(1)

  await page.getByRole('link', { name: 'View receipt' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Payment receipt' })).toBeVisible()
  await expect(page.getByText('Visa ending in 4242')).toBeVisible()
  await expectUsablePage(page)

  // The next payment offers the saved card first; no card is typed again.
  await page.getByRole('link', { name: 'Back to Account' }).click()
  await page.getByRole('button', { name: 'Make payment' }).click()
  await expect(page.getByRole('radio', { name: /^Visa ending in 4242 \(expires/ })).toBeChecked()
  await expect(page.locator(`iframe[title="${CARD_FRAME}"]`)).toHaveCount(0)
  await page.getByRole('textbox', { name: 'Amount' }).fill('20.00')
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: /^Pay .*20\.00/ }).click()
  await expect(page.getByRole('heading', { name: 'Payment received' })).toBeVisible()
  await expect(payments.getByRole('row')).toHaveCount(3)
  expect(await familyEventsInFeed(familyClients.sync, family, 'payment.made')).toHaveLength(2)
})

test('a declined card says so clearly and charges nothing', async ({
  page,
  freshFamily,
  familyClients,
}) => {
  const family = await freshFamily()
  await pushStatement(familyClients.sync, family, 5_000)
  await signInToPortal(page, family.guarantor, family.guarantor.name)
  await openTab(page, 'Account')
  await page.getByRole('button', { name: 'Make payment' }).click()
  await enterCard(page, '4000 0000 0000 0002')
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: /^Pay / }).click()
  await expect(page.getByRole('alert')).toHaveText(/Your card was declined\. No money was taken\./)
  await expectUsablePage(page)
  expect(await familyEventsInFeed(familyClients.sync, family, 'payment.made')).toHaveLength(0)
  // The patient tries again with another card from the same form.
  await page.getByRole('button', { name: 'Try another card' }).click()
  await expect(page.getByRole('textbox', { name: 'Amount' })).toHaveValue('50.00')
})

test('someone pays without signing in, after confirming name and birthdate', async ({
  page,
  freshFamily,
  familyClients,
}) => {
  const family = await freshFamily()
  await pushStatement(familyClients.sync, family, 2_500)
  await page.goto('/')
  await page.getByRole('link', { name: 'Make payment' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Make payment' })).toBeVisible()
  const [first, last] = family.guarantor.name.split(' ')
  await page.getByRole('textbox', { name: 'First name' }).fill(first ?? '')
  await page.getByRole('textbox', { name: 'Last name' }).fill(last ?? '')
  await fillBirthdate(page, '1980-04-12')
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('textbox', { name: 'Amount' })).toHaveValue('25.00')
  await enterCard(page, '4242424242424242')
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: /^Pay / }).click()
  await expect(page.getByRole('heading', { name: 'Payment received' })).toBeVisible()
  await expectUsablePage(page)
  expect(await familyEventsInFeed(familyClients.sync, family, 'payment.made')).toHaveLength(1)
})

/** The address the statement's last page links to (its link annotation), as a reader clicks it. */
async function paymentLinkOf(pdf: Buffer): Promise<URL> {
  const doc = await PDFDocument.load(pdf)
  const last = doc.getPages().at(-1)
  const annotation = last?.node.Annots()?.lookup(0, PDFDict)
  const action = annotation?.lookup(PDFName.of('A'), PDFDict)
  const uri = action?.lookup(PDFName.of('URI'), PDFString)
  if (!uri) throw new Error('The statement has no payment link')
  return new URL(uri.decodeText())
}

test('someone pays from the link on a statement, by keyboard alone, without signing in', async ({
  page,
  browser,
  freshFamily,
  familyClients,
}) => {
  const family = await freshFamily()
  const pdf = await readmeStatementPdf()
  await pushStatement(familyClients.sync, family, 4_200, pdf)

  // The account holder's statement, as the portal serves it, ends with its payment link.
  await signInToPortal(page, family.guarantor, family.guarantor.name)
  await openTab(page, 'Account')
  const href = await page
    .getByRole('region', { name: 'Statements' })
    .getByRole('link', { name: /^Download statement of / })
    .first()
    .getAttribute('href')
  const served = await page.request.get(href ?? '')
  expect(served.ok()).toBe(true)
  const link = await paymentLinkOf(await served.body())
  expect(link.pathname).toBe('/pay')

  // Someone else in the family opens it, never signed in, and uses only the keyboard.
  const payer = await (await browser.newContext({ viewport: page.viewportSize() })).newPage()
  await payer.goto(`${link.pathname}${link.search}`)
  await expect(payer.getByRole('heading', { level: 1, name: 'Make payment' })).toBeVisible()
  const [first, last] = family.guarantor.name.split(' ')
  await tabAndType(payer, payer.getByRole('textbox', { name: 'First name' }), first ?? '')
  await tabAndType(payer, payer.getByRole('textbox', { name: 'Last name' }), last ?? '')
  const birthdate = payer.getByRole('group', { name: 'Birthdate' })
  await tabAndType(payer, birthdate.getByRole('textbox', { name: 'Day' }), '12')
  const month = birthdate.getByRole('combobox', { name: 'Month' })
  await tabTo(payer, month)
  for (let press = 0; press < 12 && (await month.inputValue()) !== '4'; press += 1) {
    await payer.keyboard.press('ArrowDown')
  }
  await expect(month).toHaveValue('4')
  await tabAndType(payer, birthdate.getByRole('textbox', { name: 'Year' }), '1980')
  await tabAndEnter(payer, payer.getByRole('button', { name: 'Continue' }))

  await expect(payer.getByRole('textbox', { name: 'Amount' })).toHaveValue('42.00')
  const frame = payer.frameLocator(`iframe[title="${CARD_FRAME}"]`)
  await tabAndType(payer, frame.getByRole('textbox', { name: 'Card number' }), '4242424242424242')
  await tabAndType(payer, frame.getByRole('textbox', { name: 'Expiry (MM/YY)' }), '12/39')
  await tabAndType(payer, frame.getByRole('textbox', { name: 'CVC' }), '123')
  await tabAndEnter(payer, frame.getByRole('button', { name: 'Use this card' }))
  await expect(payer.getByText('Visa ending in 4242 is ready to use.')).toBeVisible()
  await tabAndEnter(payer, payer.getByRole('button', { name: 'Continue' }))
  await tabAndEnter(payer, payer.getByRole('button', { name: /^Pay .*42\.00/ }))
  await expect(payer.getByRole('heading', { name: 'Payment received' })).toBeVisible()
  await expectUsablePage(payer)
  expect(await familyEventsInFeed(familyClients.sync, family, 'payment.made')).toHaveLength(1)
  await payer.context().close()
})
