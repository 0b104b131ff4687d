import type { Page } from '@playwright/test'
import { totpCode } from '../../server/platform/auth/second-factor/rules.ts'
import { expectUsablePage } from './checks.ts'
import { expect, test } from './fresh-family.ts'
import { HASHING, patientMenu, signIn, signInToPortal, signOutFromMenu } from './portal.ts'

const NEXT_STEP_MS = 30_000

async function openSecurity(page: Page, name: string) {
  await patientMenu(page, name).click()
  await page.getByRole('menuitem', { name: 'Security' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible()
}

const codeField = (page: Page) => page.getByRole('textbox', { name: 'Code', exact: true })

test('a patient adds an authenticator app, then signs in with its code or a recovery code', async ({
  page,
  freshFamily,
}) => {
  test.slow()
  const { guarantor } = await freshFamily()
  await signInToPortal(page, guarantor, guarantor.name)
  await openSecurity(page, guarantor.name)
  await expectUsablePage(page)

  await page.getByRole('button', { name: 'Set up two-step sign-in' }).click()
  await page.getByRole('button', { name: 'Add authenticator app' }).click()
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible()
  const shown = await page
    .locator('p', { hasText: 'Or type this key' })
    .locator('code')
    .textContent()
  const key = (shown ?? '').replace(/\s+/g, '')
  await expectUsablePage(page)
  await page.getByRole('textbox', { name: 'Code from the app' }).fill(totpCode(key))
  await page.getByRole('button', { name: 'Confirm' }).click()
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')
  await expect(codes).toHaveCount(10)
  const recovery = (await codes.first().textContent()) ?? ''
  await expectUsablePage(page)
  await page.getByRole('button', { name: 'I have saved my recovery codes' }).click()
  await expect(page.getByText(/Authenticator app, added/)).toBeVisible()

  // The password alone now leads to the code step; a wrong code is refused.
  await signOutFromMenu(page, guarantor.name)
  await signIn(page, guarantor)
  await expect(page).toHaveURL('/second-factor', HASHING)
  await expect(page.getByRole('heading', { level: 1, name: 'Enter your code' })).toBeVisible()
  await expectUsablePage(page)
  await codeField(page).fill('000000')
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(codeField(page)).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('That code is not right.').first()).toBeVisible()
  // The code of the step after the one that confirmed the app (that one is used up).
  await codeField(page).fill(totpCode(key, new Date(Date.now() + NEXT_STEP_MS)))
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page).toHaveURL(/\/patients\/\d+$/, HASHING)
  await expect(page.getByRole('heading', { level: 1, name: guarantor.name })).toBeVisible()

  // A recovery code stands in for the app, once.
  await signOutFromMenu(page, guarantor.name)
  await signIn(page, guarantor)
  await expect(page).toHaveURL('/second-factor', HASHING)
  await codeField(page).fill(recovery)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page).toHaveURL(/\/patients\/\d+$/, HASHING)
  await openSecurity(page, guarantor.name)
  await expect(page.getByText(/Recovery codes left: 9/)).toBeVisible()
})
