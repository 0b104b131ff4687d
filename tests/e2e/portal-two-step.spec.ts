import type { Page } from '@playwright/test'
import { totpCode } from '../../server/platform/auth/second-factor/rules.ts'
import { fillBirthdate } from './birthdate.ts'
import { expectUsablePage } from './checks.ts'
import { expect, test } from './fresh-family.ts'
import { arrowToMenuItem, tabAndEnter, tabAndType, typeSignIn } from './keyboard.ts'
import { auditEventsOf, goToConsolePage, officeBeside } from './office-helpers.ts'
import {
  HASHING,
  openSecurity,
  patientMenu,
  signIn,
  signInToPortal,
  signOutFromMenu,
  userNameField,
} from './portal.ts'

const NEXT_STEP_MS = 30_000

const codeField = (page: Page) => page.getByRole('textbox', { name: 'Code', exact: true })

/** Adds an authenticator app from the Security page: the key it shows, and one recovery code. */
async function addAuthenticatorApp(page: Page) {
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
  return { key, recovery }
}

test('a patient adds an authenticator app, then signs in with its code or a recovery code', async ({
  page,
  freshFamily,
}) => {
  test.slow()
  const { guarantor } = await freshFamily()
  await signInToPortal(page, guarantor, guarantor.name)
  await openSecurity(page, guarantor.name)
  await expectUsablePage(page)

  const { key, recovery } = await addAuthenticatorApp(page)

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

test('she signs out her other browser; the office resets her two-step sign-in; the audit log filtered to her shows it all', async ({
  page,
  browser,
  freshFamily,
}) => {
  test.slow()
  const { guarantor } = await freshFamily()
  await signInToPortal(page, guarantor, guarantor.name)
  await openSecurity(page, guarantor.name)
  const { key } = await addAuthenticatorApp(page)

  // Another browser signs in with the password and a code.
  const elsewhere = await (await browser.newContext()).newPage()
  await signIn(elsewhere, guarantor)
  await expect(elsewhere).toHaveURL('/second-factor', HASHING)
  await codeField(elsewhere).fill(totpCode(key, new Date(Date.now() + NEXT_STEP_MS)))
  await elsewhere.getByRole('button', { name: 'Continue' }).click()
  await expect(elsewhere.getByRole('heading', { level: 1, name: guarantor.name })).toBeVisible(
    HASHING,
  )

  // From the Security page she sees both and signs the other one out.
  await page.reload()
  const sessions = page.getByRole('region', { name: 'Where you are signed in' })
  // This browser, the other one, and the fixture's own sign-in that chose her password.
  await expect(sessions.getByRole('listitem')).toHaveCount(3)
  await sessions.getByRole('button', { name: 'Sign out everywhere else' }).click()
  await expect(page.getByText('You are signed out everywhere else.')).toBeVisible()
  await expect(sessions.getByRole('listitem')).toHaveText([/\(this browser\)$/])
  await expectUsablePage(page)
  await elsewhere.reload()
  await expect(userNameField(elsewhere)).toBeVisible()
  await elsewhere.context().close()

  // She has lost her phone: the office resets her two-step sign-in.
  const { office } = await officeBeside(browser, page)
  await goToConsolePage(office, 'Patient Portal Access')
  const search = office.getByRole('search', { name: 'Find a patient' })
  await search.getByRole('textbox', { name: 'Name' }).fill(guarantor.name)
  await fillBirthdate(search, '1980-04-12')
  await search.getByRole('button', { name: 'Search' }).click()
  const [first, last] = guarantor.name.split(' ')
  await office.getByRole('link', { name: `${last}, ${first}` }).click()
  const panel = office.getByRole('region', { name: guarantor.name })
  await panel.getByRole('button', { name: 'Reset two-step sign-in' }).click()
  const confirm = office.getByRole('alertdialog', { name: 'Reset two-step sign-in?' })
  await confirm.getByRole('button', { name: 'Reset two-step sign-in' }).click()
  await expect(panel.getByRole('status')).toContainText('two-step sign-in was reset.')

  // Her password alone signs her in again.
  await signOutFromMenu(page, guarantor.name)
  await signIn(page, guarantor)
  await expect(page.getByRole('heading', { level: 1, name: guarantor.name })).toBeVisible(HASHING)

  // The audit log, filtered to her, holds all of it.
  const events = await auditEventsOf(office, guarantor.name)
  for (const action of [
    'portal.second_factor_added',
    'portal.signed_out_elsewhere',
    'access.second_factor_reset',
  ]) {
    await expect(events.filter({ hasText: action })).toHaveCount(1)
  }
  await expect(events.filter({ hasText: 'portal.sign_in' }).first()).toBeVisible()
  await office.context().close()
})

test('two-step sign-in is added and answered with the keyboard alone', async ({
  page,
  freshFamily,
}) => {
  test.slow()
  const { guarantor } = await freshFamily()
  await page.goto('/')
  await typeSignIn(page, guarantor)
  await expect(page.getByRole('heading', { level: 1, name: guarantor.name })).toBeVisible(HASHING)

  // Security, from the name menu, by Enter and the arrow keys.
  await arrowToMenuItem(
    page,
    patientMenu(page, guarantor.name),
    page.getByRole('menuitem', { name: 'Security' }),
  )
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible()
  await tabAndEnter(page, page.getByRole('button', { name: 'Set up two-step sign-in' }))
  await tabAndEnter(page, page.getByRole('button', { name: 'Add authenticator app' }))
  const shown = await page
    .locator('p', { hasText: 'Or type this key' })
    .locator('code')
    .textContent()
  const key = (shown ?? '').replace(/\s+/g, '')
  await tabAndType(page, page.getByRole('textbox', { name: 'Code from the app' }), totpCode(key))
  await tabAndEnter(page, page.getByRole('button', { name: 'Confirm' }))
  await tabAndEnter(page, page.getByRole('button', { name: 'I have saved my recovery codes' }))
  await expect(page.getByText(/Authenticator app, added/)).toBeVisible()

  // Signed out, she answers the code step by typing and Enter.
  await arrowToMenuItem(
    page,
    patientMenu(page, guarantor.name),
    page.getByRole('menuitem', { name: 'Sign out' }),
  )
  await expect(page.getByRole('status').filter({ hasText: 'You have signed out.' })).toBeVisible(
    HASHING,
  )
  await typeSignIn(page, guarantor)
  await expect(page).toHaveURL('/second-factor', HASHING)
  await tabAndType(page, codeField(page), totpCode(key, new Date(Date.now() + NEXT_STEP_MS)))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: guarantor.name })).toBeVisible(HASHING)
})
