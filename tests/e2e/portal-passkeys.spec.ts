import type { Page } from '@playwright/test'
import { expectUsablePage } from './checks.ts'
import { expect, test } from './fresh-family.ts'
import { HASHING, openSecurity, passwordField, signOutFromMenu, userNameField } from './portal.ts'

/** Chromium's virtual authenticator: a platform passkey with its own lock, always unlocked. */
async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  })
}

test('a patient adds a passkey, signs out, and signs in with the passkey alone', async ({
  page,
  freshFamily,
  baseURL,
}) => {
  test.slow()
  const { guarantor } = await freshFamily()
  // Passkeys belong to a domain name (the portal's PUBLIC_URL, localhost here), never an address.
  const portal = (baseURL ?? '').replace('127.0.0.1', 'localhost')
  await addVirtualAuthenticator(page)

  await page.goto(`${portal}/`)
  await userNameField(page).fill(guarantor.username)
  await passwordField(page).fill(guarantor.password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: guarantor.name })).toBeVisible(HASHING)
  await openSecurity(page, guarantor.name)

  await page.getByRole('textbox', { name: 'Name for a new passkey' }).fill('Test laptop')
  await page.getByRole('button', { name: 'Add a passkey' }).click()
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')
  await expect(codes).toHaveCount(10)
  await page.getByRole('button', { name: 'I have saved my recovery codes' }).click()
  const passkeys = page.getByRole('list', { name: 'Passkeys' })
  await expect(passkeys.getByRole('listitem')).toHaveCount(1)
  await expect(passkeys.getByText(/Test laptop, added/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Remove passkey Test laptop' })).toBeVisible()
  await expectUsablePage(page)

  await signOutFromMenu(page, guarantor.name)
  await expectUsablePage(page)
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click()
  await expect(page).toHaveURL(/\/patients\/\d+$/, HASHING)
  await expect(page.getByRole('heading', { level: 1, name: guarantor.name })).toBeVisible()
  await openSecurity(page, guarantor.name)
  await expect(page.getByText(/Passkey, succeeded/).first()).toBeVisible()
})
