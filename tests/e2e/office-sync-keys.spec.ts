import { expect, test } from '@playwright/test'
import { expectNoAxeViolations, expectNoHorizontalOverflow } from './checks.ts'
import { signInToOffice } from './office-helpers.ts'

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

test('Sync API keys: create a key shown once with a copy button, see it listed, revoke it', async ({
  page,
}, testInfo) => {
  test.slow()
  const name = `PMS ${testInfo.project.name} ${Date.now().toString(36)}`
  await signInToOffice(page)
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'Sync API keys' })
    .click()
  await expect(page).toHaveURL(/\/office\/sync-keys$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Sync API keys' })).toBeFocused()

  const create = page.getByRole('region', { name: 'Create a key' })
  await create.getByRole('button', { name: 'Create key' }).click()
  await expect(create.getByRole('textbox', { name: 'Key name' })).toHaveAttribute(
    'aria-invalid',
    'true',
  )
  await create.getByRole('textbox', { name: 'Key name' }).fill(name)
  await create.getByRole('button', { name: 'Create key' }).click()

  const shown = page.getByRole('region', { name: `New key: ${name}` })
  await expect(shown.getByRole('heading', { name: `New key: ${name}` })).toBeFocused()
  await expect(shown.getByText('This key will not be shown again.')).toBeVisible()
  const key = (await shown.locator('dd').textContent()) ?? ''
  expect(key).toMatch(/^bw_[\w-]{40,}$/)
  await shown.getByRole('button', { name: 'Copy key' }).click()
  await expect(page.getByRole('status')).toContainText('The key was copied.')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key)
  await expectNoAxeViolations(page)
  await expectNoHorizontalOverflow(page)
  await shown.getByRole('button', { name: 'Done' }).click()
  await expect(page.getByText(key)).toHaveCount(0)

  const row = page
    .getByRole('region', { name: 'Keys' })
    .getByRole('row', { name: new RegExp(name) })
  await expect(row).toContainText(key.slice(0, 9))
  await expect(row).toContainText('Never')
  await expect(row).toContainText('Active')
  await row.getByRole('button', { name: 'Revoke' }).click()
  await page
    .getByRole('alertdialog', { name: `Revoke the key “${name}”?` })
    .getByRole('button', { name: 'Revoke key' })
    .click()
  await expect(row).toContainText('Revoked')
  await expect(row.getByRole('button', { name: 'Revoke' })).toHaveCount(0)
  await expectNoAxeViolations(page)
  await expectNoHorizontalOverflow(page)
})
