import { expect, type Page } from '@playwright/test'
import { addRequiredAuthenticatorApp } from './office-helpers.ts'
import { HASHING } from './portal.ts'

/*
 * Lakeside Dental: the practice a production start of its own is set up as from its one-time
 * link (first-run and practice-onboarding), with its first location and its owner.
 */

export const LAKESIDE_OWNER = {
  username: 'owner',
  displayName: 'Dr. Priya Shah',
  password: 'harbour street owner',
}

/** The setup form's practice and first location; returns the location for more of its fields. */
export async function fillLakesidePractice(page: Page, locationName = 'Lakeside Dental') {
  await page.getByRole('textbox', { name: 'Practice name' }).fill('Lakeside Dental')
  await page.getByRole('combobox', { name: 'Time zone' }).selectOption('America/Toronto')
  await page.getByRole('textbox', { name: 'Country' }).fill('CA')
  await page.getByRole('combobox', { name: 'Currency' }).selectOption('CAD')
  const location = page.getByRole('group', { name: /^Location 1/ })
  await location.getByRole('textbox', { name: 'Location name' }).fill(locationName)
  await location.getByRole('textbox', { name: 'Phone' }).fill('(416) 555-0100')
  await location.getByRole('textbox', { name: 'Address', exact: true }).fill('12 Harbour Street')
  await location.getByRole('textbox', { name: 'City' }).fill('Toronto')
  return location
}

/** The setup form's first administrator, the owner, with `password` (a test may try a weak one). */
export async function fillLakesideOwner(page: Page, password = LAKESIDE_OWNER.password) {
  const admin = page.getByRole('group', { name: 'First administrator' })
  await admin.getByRole('textbox', { name: 'User name' }).fill(LAKESIDE_OWNER.username)
  await admin.getByRole('textbox', { name: 'Display name' }).fill(LAKESIDE_OWNER.displayName)
  await admin.getByLabel('New password', { exact: true }).fill(password)
  await admin.getByLabel('New password again').fill(password)
  return admin
}

/** On the console's sign-in page: the owner signs in, adds the app the practice requires. */
export async function signInAsLakesideOwner(page: Page) {
  await page.getByRole('textbox', { name: 'User name' }).fill(LAKESIDE_OWNER.username)
  await page.getByLabel('Password').fill(LAKESIDE_OWNER.password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await addRequiredAuthenticatorApp(page)
  await expect(
    page.getByRole('heading', { level: 1, name: `Welcome, ${LAKESIDE_OWNER.displayName}` }),
  ).toBeVisible(HASHING)
}
