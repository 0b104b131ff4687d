import { expect, test } from '@playwright/test'
import { collectConsoleErrors } from './checks.ts'
import { passwordField, SESSION, userNameField } from './portal.ts'

// Desktop only (see playwright.config.ts): a real failed attempt counts against the server's
// throttle for 127.0.0.1, which every test shares, and the page is the same at both sizes.
test('a refused sign-in is explained in a sentence', async ({ page }) => {
  const errors = collectConsoleErrors(page)
  await page.goto('/')
  await userNameField(page).fill('e2e.nobody')
  await passwordField(page).fill('certainly-wrong')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText('The user name or password is not right.')
  await expect(page).toHaveURL('/')
  await expect(userNameField(page)).toHaveValue('e2e.nobody')
  expect(errors.besidesFailedRequestsTo(SESSION)).toEqual([])
})
