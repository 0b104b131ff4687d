import { expect, type Page, test } from '@playwright/test'
import { expectUsablePage } from './checks.ts'
import { goToConsolePage, signInToOffice } from './office-helpers.ts'
import { oneAtATime } from './one-at-a-time.ts'

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

test('Sync API keys: create a key shown once with a copy button, see it listed, revoke it', async ({
  page,
}, testInfo) => {
  test.slow()
  const name = `PMS ${testInfo.project.name} ${Date.now().toString(36)}`
  await signInToOffice(page)
  await goToConsolePage(page, 'Sync API keys')
  await expect(page).toHaveURL(/\/office\/sync-keys$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Sync API keys' })).toBeFocused()

  const create = page.getByRole('region', { name: 'Create a key' })
  const keyName = create.getByRole('textbox', { name: 'Key name' })
  const createKey = create.getByRole('button', { name: 'Create key' })
  await createKey.click()
  await expect(keyName).toHaveAttribute('aria-invalid', 'true')
  await keyName.fill(name)
  await createKey.click()

  const shown = page.getByRole('region', { name: `New key: ${name}` })
  await expect(shown.getByRole('heading', { name: `New key: ${name}` })).toBeFocused()
  await expect(shown.getByText('This key will not be shown again.')).toBeVisible()
  const key = (await shown.locator('dd').textContent()) ?? ''
  expect(key).toMatch(/^bw_[\w-]{40,}$/)
  await shown.getByRole('button', { name: 'Copy key' }).click()
  await expect(page.getByRole('status')).toContainText('The key was copied.')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key)
  await expectUsablePage(page)
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
  await expectUsablePage(page)
})

test('Sync API keys: set the webhook, see its secret once, rotate it, remove it', async ({
  page,
}, testInfo) => {
  test.slow()
  await signInToOffice(page)
  // The practice has one webhook: the desktop and phone runs of this test take turns at it, and
  // each sets an address of its own, so each sees only what it did.
  await oneAtATime('webhook', () =>
    webhookRoundTrip(page, `https://pms.example.test/${testInfo.project.name}/${Date.now()}`),
  )
})

async function webhookRoundTrip(page: Page, url: string) {
  await page.goto('/office/sync-keys')
  const section = page.getByRole('region', { name: 'Webhook' })
  const noWebhook = section.getByText('No webhook is set.')
  const remove = section.getByRole('button', { name: 'Remove webhook' })
  /** Removes the webhook, confirming in the dialog, and sees none left. */
  const removeWebhook = async () => {
    await remove.click()
    await page
      .getByRole('alertdialog', { name: 'Remove the webhook?' })
      .getByRole('button', { name: 'Remove webhook' })
      .click()
    await expect(noWebhook).toBeVisible()
  }
  // A run stopped half-way may have left one: start from none.
  await expect(noWebhook.or(remove)).toBeVisible()
  if (await remove.isVisible()) await removeWebhook()
  await expect(noWebhook).toBeVisible()
  // How to check a delivery's signature is on the served reference, one click away.
  await expect(section.getByRole('link', { name: 'the sync API reference' })).toHaveAttribute(
    'href',
    '/api/sync/docs#webhooks',
  )
  const address = section.getByRole('textbox', { name: 'Webhook address' })
  const setWebhook = section.getByRole('button', { name: 'Set webhook' })
  await address.fill('ftp://nope.example.test/')
  await setWebhook.click()
  await expect(address).toHaveAttribute('aria-invalid', 'true')
  await address.fill(url)
  await setWebhook.click()
  const secret = section.getByRole('region', { name: 'Webhook signing secret' })
  await expect(secret.getByText('This secret will not be shown again.')).toBeVisible()
  const first = await secret.locator('dd').nth(1).textContent()
  expect(first).toMatch(/^whsec_/)
  await expect(section.getByText(`Events are announced to ${url}.`)).toBeVisible()
  await expectUsablePage(page)
  await secret.getByRole('button', { name: 'Done' }).click()

  await section.getByRole('button', { name: 'Rotate secret' }).click()
  await expect(secret.locator('dd').nth(1)).not.toHaveText(first ?? '')
  await secret.getByRole('button', { name: 'Done' }).click()

  await removeWebhook()
}
