import type { Page } from '@playwright/test'
import { expectUsablePage } from './checks.ts'
import { expect, type FreshFamily, familyEventsInFeed, test } from './fresh-family.ts'
import { ADMIN, goToConsolePage, officeBeside } from './office-helpers.ts'
import { signInToPortal } from './portal.ts'
import { openTab } from './portal-tabs.ts'

test.describe.configure({ timeout: 180_000 })

/** The guarantor pays from the portal (the sandbox's success card), as the Make payment form does. */
async function guarantorPays(page: Page, family: FreshFamily, amountCents: number) {
  const origin = new URL(page.url()).origin
  const token = await page.request.post('/sandbox-processor/tokens', {
    data: { number: '4242 4242 4242 4242', expiry: '12/39', cvc: '123' },
    headers: { origin },
  })
  expect(token.status()).toBe(201)
  const paid = await page.request.post(`/api/portal/patients/${family.guarantor.id}/payments`, {
    data: {
      idempotencyKey: `e2e-${family.tag}-refund-payment`,
      amountCents,
      note: 'For the cleaning',
      cardToken: (await token.json()).token,
    },
    headers: { origin },
  })
  expect(paid.ok(), await paid.text()).toBe(true)
  expect((await paid.json()).status).toBe('succeeded')
}

test('the office finds a payment to post, with its receipt, and refunds it once with a reason', async ({
  page,
  browser,
  freshFamily,
  familyClients,
}) => {
  const family = await freshFamily()
  await signInToPortal(page, family.guarantor, family.guarantor.name)
  await guarantorPays(page, family, 6_789)

  const { officeContext, office } = await officeBeside(browser, page)
  await goToConsolePage(office, 'Online payments')
  await expect(office.getByRole('heading', { level: 1, name: 'Online payments' })).toBeFocused()

  const toPost = office.getByRole('region', { name: 'To post' })
  const payment = toPost.getByRole('article', {
    name: new RegExp(`67\\.89 from ${family.guarantor.name}$`),
  })
  await expect(payment).toContainText('Visa ending in 4242')
  await expect(payment).toContainText('For the cleaning')
  await expect(payment).toContainText('Receipt number')
  await expectUsablePage(office)

  // By keyboard: open the refund, send it without a reason (refused), then with one.
  await payment.getByRole('button', { name: 'Refund' }).focus()
  await office.keyboard.press('Enter')
  const dialog = office.getByRole('dialog', { name: /^Refund .*67\.89 from / })
  await expect(dialog.getByRole('textbox', { name: 'Amount to refund' })).toHaveValue('67.89')
  await dialog.getByRole('textbox', { name: 'Amount to refund' }).focus()
  await office.keyboard.press('Enter')
  await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveAttribute(
    'aria-invalid',
    'true',
  )
  await expectUsablePage(office)
  await dialog.getByRole('textbox', { name: 'Reason' }).focus()
  await office.keyboard.type('Paid twice, once at the desk')
  await office.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)
  await expect(office.getByRole('status')).toContainText(
    `67.89 was refunded to ${family.guarantor.name}’s card.`,
  )

  const done = office
    .getByRole('region', { name: 'Posted and refunded' })
    .getByRole('article', { name: new RegExp(`67\\.89 from ${family.guarantor.name}$`) })
  await expect(done).toContainText('Paid twice, once at the desk')
  await expect(done).toContainText(`by ${ADMIN.displayName}`)
  await expect(done.getByRole('button', { name: 'Refund' })).toHaveCount(0)
  await expect(
    toPost.getByRole('article', { name: new RegExp(family.guarantor.name) }),
  ).toHaveCount(0)
  await expectUsablePage(office)
  await officeContext.close()

  // The PMS hears of it once, and the patient's history says so.
  const refunds = await familyEventsInFeed(familyClients.sync, family, 'payment.refunded')
  expect(refunds).toHaveLength(1)
  expect(refunds[0].data).toMatchObject({ amountCents: 6_789 })
  await openTab(page, 'Account')
  const history = page.getByRole('table', { name: 'Payments, newest first' })
  await expect(history.getByRole('row').nth(1)).toContainText('Refunded')
  await expectUsablePage(page)
})
