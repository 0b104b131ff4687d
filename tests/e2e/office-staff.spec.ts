import { expect, test } from '@playwright/test'
import { expectNoAxeViolations, expectUsablePage } from './checks.ts'
import { ADMIN, goToConsolePage, signInToOffice } from './office-helpers.ts'

// Runs at desktop and phone size against the demo server: each run adds its own staff member.

test('Staff: add a member with a one-time password, reset it, disable and enable them', async ({
  page,
}, testInfo) => {
  test.slow()
  const username = `desk.${testInfo.project.name}.${Date.now().toString(36)}`
  const displayName = `Robin ${testInfo.project.name} ${Date.now().toString(36)}`
  await signInToOffice(page)
  await goToConsolePage(page, 'Staff')
  await expect(page).toHaveURL(/\/office\/staff$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Staff' })).toBeFocused()
  const accounts = page.getByRole('region', { name: 'Staff accounts' })
  const me = accounts.getByRole('row', { name: new RegExp(ADMIN.displayName) })
  await expect(me).toContainText('Administrator')
  // Nobody can disable themself: the button is not offered.
  await expect(me.getByRole('button', { name: 'Disable' })).toHaveCount(0)

  const add = page.getByRole('region', { name: 'Add a staff member' })
  await add.getByRole('textbox', { name: 'Display name' }).fill(displayName)
  await add.getByRole('textbox', { name: 'User name' }).fill(username)
  await add.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Provider' })
  await add.getByRole('button', { name: 'Add staff member' }).click()
  const details = page.getByRole('region', { name: `Sign-in details for ${displayName}` })
  await expect(
    details.getByRole('heading', { name: `Sign-in details for ${displayName}` }),
  ).toBeFocused()
  await expect(details.getByText('This password will not be shown again.')).toBeVisible()
  const firstPassword = await details.locator('dd').nth(1).textContent()
  expect(firstPassword).toMatch(/^\S{8}$/)
  await expectUsablePage(page)
  await details.getByRole('button', { name: 'Done' }).click()

  const row = accounts.getByRole('row', { name: new RegExp(displayName) })
  await expect(row).toContainText('Provider')
  await expect(row).toContainText('Active')
  await expect(row).toContainText('Never')

  await row.getByRole('button', { name: 'Reset password' }).click()
  const confirmReset = page.getByRole('alertdialog', { name: `Reset ${displayName}'s password?` })
  await confirmReset.getByRole('button', { name: 'Reset password' }).click()
  const reset = page.getByRole('region', { name: `Sign-in details for ${displayName}` })
  await expect(reset).toBeVisible()
  await expect(reset.locator('dd').nth(1)).not.toHaveText(firstPassword ?? '')
  await reset.getByRole('button', { name: 'Done' }).click()

  await row.getByRole('button', { name: 'Disable' }).click()
  await page
    .getByRole('alertdialog', { name: `Disable ${displayName}?` })
    .getByRole('button', { name: 'Disable' })
    .click()
  await expect(page.getByRole('status')).toContainText(`${displayName} is disabled and signed out.`)
  await expect(row).toContainText('Disabled')
  await row.getByRole('button', { name: 'Enable' }).click()
  await expect(page.getByRole('status')).toContainText(`${displayName} can sign in again.`)
  await expect(row).toContainText('Active')
  await expectUsablePage(page)
})

test('A new staff member chooses their own password before the console opens', async ({
  page,
  request,
}, testInfo) => {
  test.slow()
  const username = `new.${testInfo.project.name}.${Date.now().toString(36)}`
  const displayName = `Kim ${testInfo.project.name} ${Date.now().toString(36)}`
  // The administrator adds them (the page above tests that through the console).
  const signedIn = await request.post('/api/office/session', {
    data: { username: ADMIN.username, password: ADMIN.password },
  })
  expect(signedIn.ok()).toBe(true)
  const created = await request.post('/api/office/staff', {
    data: { username, displayName, role: 'front_desk' },
  })
  expect(created.status()).toBe(201)
  const { oneTimePassword } = (await created.json()) as { oneTimePassword: string }

  await page.goto('/office/access')
  await page.getByRole('textbox', { name: 'User name' }).fill(username)
  await page.getByLabel('Password').fill(oneTimePassword)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Choose your password' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Console' })).toHaveCount(0)
  await expectUsablePage(page)

  await page.getByLabel('New password', { exact: true }).fill(oneTimePassword)
  await page.getByLabel('New password again').fill(oneTimePassword)
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByText('not the one-time password you were given')).toBeVisible()

  const own = `${username} keeps this one`
  await page.getByLabel('New password', { exact: true }).fill(own)
  await page.getByLabel('New password again').fill(own)
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Patient Portal Access' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Console' })).toBeVisible()
  await expectNoAxeViolations(page)
})
