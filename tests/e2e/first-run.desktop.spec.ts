import { expect, test } from '@playwright/test'
import { expectNoAxeViolations, expectNoHorizontalOverflow, expectUsablePage } from './checks.ts'
import {
  fillLakesideOwner,
  fillLakesidePractice,
  LAKESIDE_OWNER,
  signInAsLakesideOwner,
} from './lakeside.ts'
import { goToConsolePage } from './office-helpers.ts'
import { productionServer } from './production-server.ts'

// A production start of its own (no demo, an empty data folder, its own port): the setup link
// it prints → the practice and its administrator → signed in → a staff member and a sync key.

const server = productionServer(50)
const { origin } = server

test.beforeAll(() => server.start())
test.afterAll(() => server.stop())

test('a production start is set up from its one-time link, then staff and a sync key', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const link = await server.setupLink()
  expect(server.output()).toContain('No practice has been set up yet.')

  // Before setup the office's sign-in page points to the link.
  await page.goto(`${origin}/office/`)
  await expect(page.getByText('No practice is set up yet.')).toBeVisible()
  await expectNoAxeViolations(page)
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your practice' })).toBeVisible()
  const location = await fillLakesidePractice(page, 'Lakeside Dental – Harbour')
  await location
    .getByRole('group', { name: 'Monday' })
    .getByRole('button', { name: /^Add/ })
    .click()
  // A common password first: the server's message at the field, and nothing is created.
  const admin = await fillLakesideOwner(page, 'password1')
  await expectUsablePage(page)
  // This file runs at desktop size only: the form must fit a phone too.
  await page.setViewportSize({ width: 360, height: 740 })
  await expectNoHorizontalOverflow(page)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.getByRole('button', { name: 'Set up the practice' }).click()
  await expect(admin.getByLabel('New password', { exact: true })).toHaveAccessibleDescription(
    /too common/,
  )
  await admin.getByLabel('New password', { exact: true }).fill(LAKESIDE_OWNER.password)
  await admin.getByLabel('New password again').fill(LAKESIDE_OWNER.password)
  await page.getByRole('button', { name: 'Set up the practice' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Lakeside Dental is set up' }),
  ).toBeVisible()
  await expectNoAxeViolations(page)

  // The link is used up (a fresh load: the same address with a fragment would not reload).
  await page.goto('about:blank')
  await page.goto(link)
  await expect(page.getByText('A practice is set up already.')).toBeVisible()
  await page.getByRole('link', { name: 'Sign in to the office console' }).click()

  await signInAsLakesideOwner(page)

  await goToConsolePage(page, 'Staff')
  const add = page.getByRole('region', { name: 'Add a staff member' })
  await add.getByRole('textbox', { name: 'Display name' }).fill('Sam Front')
  await add.getByRole('textbox', { name: 'User name' }).fill('sam.front')
  await add.getByRole('button', { name: 'Add staff member' }).click()
  await expect(page.getByRole('region', { name: 'Sign-in details for Sam Front' })).toBeVisible()

  await goToConsolePage(page, 'Sync API keys')
  const create = page.getByRole('region', { name: 'Create a key' })
  await create.getByRole('textbox', { name: 'Key name' }).fill('Open Dental server')
  await create.getByRole('button', { name: 'Create key' }).click()
  const shown = page.getByRole('region', { name: 'New key: Open Dental server' })
  await expect(shown.locator('dd')).toHaveText(/^bw_/)

  // The portal serves the new practice (and no demo).
  await page.goto(`${origin}/`)
  await expect(page.getByText('Lakeside Dental').first()).toBeVisible()
  expect(server.output()).not.toContain('Demo')
})
