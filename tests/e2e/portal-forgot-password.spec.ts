import { expectNoAxeViolations } from './checks.ts'
import { expect, test } from './fresh-family.ts'
import { mailsTo, textBody } from './mail.ts'
import { HASHING, patientMenu, signInToPortal, signOutFromMenu } from './portal.ts'

// On a fresh family of its own (tests/e2e/fresh-family.ts), in both projects: the reset changes
// the guarantor's password and ends her sessions, which no other test sees.

/**
 * The newest reset code emailed to `to`, read from the copy the mail server received: the office's
 * Outgoing email page never shows it.
 */
async function latestResetCode(to: string, after: string): Promise<string> {
  let code: string | undefined
  await expect(() => {
    const newest = mailsTo(to)
      .filter((mail) => mail.receivedAt >= after)
      .at(-1)
    code = newest ? /code is: (\d{6,8})/.exec(textBody(newest))?.[1] : undefined
    expect(code).toBeDefined()
  }).toPass({ timeout: 15_000 })
  return code as string
}

test('forgot password: a code by email, a new password, signed in', async ({
  page,
  freshFamily,
}) => {
  test.slow()
  const family = await freshFamily()
  const { guarantor } = family
  const requestedAt = new Date(Date.now() - 2000).toISOString()
  await page.goto('/')
  await page.getByRole('link', { name: 'Forgot password' }).click()
  // The sign-in page has a User name field too: fill the one on the page just opened.
  await expect(page.getByRole('heading', { level: 1, name: 'Forgot password' })).toBeVisible()
  await page.getByRole('textbox', { name: 'User name' }).fill(guarantor.username)
  await page.getByRole('button', { name: 'Email me a code' }).click()
  await expect(page.getByRole('status')).toContainText('a reset code is on its way', HASHING)
  await expect(page.getByRole('textbox', { name: 'Reset code' })).toBeVisible()
  await expectNoAxeViolations(page)

  const code = await latestResetCode(guarantor.email, requestedAt)

  const temporary = `Reset-${family.tag}`
  await page.getByRole('textbox', { name: 'Reset code' }).fill(code)
  await page.getByLabel('New password', { exact: true }).fill(temporary)
  // Mistyped the second time: the server's message sits at that field.
  await page.getByLabel('New password again').fill(`${temporary}x`)
  await page.getByRole('button', { name: 'Set password and sign in' }).click()
  const again = page.getByLabel('New password again')
  await expect(again).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByRole('alert')).toBeVisible()
  await expectNoAxeViolations(page)

  await again.fill(temporary)
  await page.getByRole('button', { name: 'Set password and sign in' }).click()
  await expect(page.getByRole('heading', { level: 1, name: guarantor.name })).toBeVisible(HASHING)

  // Then changed once more from the menu, and the newest password is the one that signs in.
  const chosen = `Chosen-${family.tag}`
  await patientMenu(page, guarantor.name).click()
  await page.getByRole('menuitem', { name: 'Change password' }).click()
  const dialog = page.getByRole('dialog', { name: 'Change password' })
  await dialog.getByLabel('Current password').fill(temporary)
  await dialog.getByLabel('New password', { exact: true }).fill(chosen)
  await dialog.getByLabel('New password again').fill(chosen)
  await dialog.getByRole('button', { name: 'Change password' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Your password has been changed.', HASHING)
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'Close' }).click()

  await signOutFromMenu(page, guarantor.name)
  await signInToPortal(page, { username: guarantor.username, password: chosen }, guarantor.name)
})
