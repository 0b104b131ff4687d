import { expect, test } from '@playwright/test'
import { expectNoAxeViolations, expectUsablePage } from './checks.ts'
import {
  HASHING,
  NEW_PATIENT,
  patientMenu,
  signIn,
  signInToPortal,
  signOutFromMenu,
} from './portal.ts'

// Desktop only (see playwright.config.ts): new.patient's one-time password works once per
// server. The page's phone layout is checked in portal-public.spec.ts with a stand-in session.

test('new.patient replaces the one-time password, may choose a user name, and is in', async ({
  page,
}) => {
  test.slow()
  await signIn(page, NEW_PATIENT)
  await expect(page).toHaveURL('/first-sign-in', HASHING)
  await expect(page.getByRole('heading', { level: 1, name: 'Choose your password' })).toBeVisible()
  const offer = page.getByRole('textbox', {
    name: 'Choose a new user name (optional, this once only)',
  })
  await expect(offer).toBeVisible()
  await expect(page.getByText('Your user name is new.patient.')).toBeVisible()
  await expectNoAxeViolations(page)

  // A common password: the server's own message, at the field.
  const newPassword = page.getByLabel('New password', { exact: true })
  await newPassword.fill('password123')
  await page.getByLabel('New password again').fill('password123')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(newPassword).toHaveAttribute('aria-invalid', 'true')
  await expect(
    page.getByText('This password is too common and easy to guess. Choose another.'),
  ).toBeVisible()
  await expectUsablePage(page)

  // The one-time password itself cannot be kept as the new one.
  await newPassword.fill(NEW_PATIENT.password)
  await page.getByLabel('New password again').fill(NEW_PATIENT.password)
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(
    page.getByText('Choose a new password, not the one-time password you were given.'),
  ).toBeVisible(HASHING)
  await expect(newPassword).toHaveAttribute('aria-invalid', 'true')

  const chosen = 'Priya-chose-this-one-7'
  await newPassword.fill(chosen)
  await page.getByLabel('New password again').fill(chosen)
  await offer.fill('priya.shah.e2e')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page).toHaveURL(/\/patients\/\d+$/, HASHING)
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Shah' })).toBeVisible()
  await expectNoAxeViolations(page)

  // The old one-time password and user name no longer open anything; the new ones do.
  await signOutFromMenu(page, 'Priya Shah')
  const oldOne = await page.request.post('/api/portal/session', { data: NEW_PATIENT })
  expect(oldOne.status()).toBe(401)
  await signInToPortal(page, { username: 'priya.shah.e2e', password: chosen }, 'Priya Shah')
  await expect(patientMenu(page, 'Priya Shah')).toBeVisible()
})
