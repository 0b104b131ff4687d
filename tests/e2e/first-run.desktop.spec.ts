import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { SERVER_NODE_FLAGS } from '../../scripts/server-flags.mjs'
import { expectNoAxeViolations, expectNoHorizontalOverflow } from './checks.ts'

// A production start of its own (no demo, an empty data folder, its own port): the setup link
// it prints → the practice and its administrator → signed in → a staff member and a sync key.

const port = Number(process.env.E2E_PORT ?? 3100) + 50
const origin = `http://localhost:${port}`
let server: ChildProcess | undefined
let dataDir = ''
let output = ''

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bitewing-first-run-'))
  const root = path.resolve(import.meta.dirname, '../..')
  server = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, '--import', 'tsx', path.join(root, 'server/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DEMO: 'false',
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: origin,
        SECRET_KEY: 'first-run-test-secret-key-0123456789abcdef',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  server.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  server.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
})

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve))
    server.kill('SIGTERM')
    await exited
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
})

async function setupLink(): Promise<string> {
  await expect
    .poll(() => /\/office\/setup#token=\S+/.exec(output)?.[0] ?? '', { timeout: 90_000 })
    .not.toBe('')
  return `${origin}${/\/office\/setup#token=\S+/.exec(output)?.[0]}`
}

test('a production start is set up from its one-time link, then staff and a sync key', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const link = await setupLink()
  expect(output).toContain('No practice has been set up yet.')

  // Before setup the office's sign-in page points to the link.
  await page.goto(`${origin}/office/`)
  await expect(page.getByText('No practice is set up yet.')).toBeVisible()
  await expectNoAxeViolations(page)
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your practice' })).toBeVisible()
  await page.getByRole('textbox', { name: 'Practice name' }).fill('Lakeside Dental')
  await page.getByRole('combobox', { name: 'Time zone' }).selectOption('America/Toronto')
  await page.getByRole('textbox', { name: 'Country' }).fill('CA')
  await page.getByRole('combobox', { name: 'Currency' }).selectOption('CAD')
  const location = page.getByRole('group', { name: /^Location 1/ })
  await location.getByRole('textbox', { name: 'Location name' }).fill('Lakeside Dental – Harbour')
  await location.getByRole('textbox', { name: 'Phone' }).fill('(416) 555-0100')
  await location.getByRole('textbox', { name: 'Address', exact: true }).fill('12 Harbour Street')
  await location.getByRole('textbox', { name: 'City' }).fill('Toronto')
  await location
    .getByRole('group', { name: 'Monday' })
    .getByRole('button', { name: /^Add/ })
    .click()
  const admin = page.getByRole('group', { name: 'First administrator' })
  await admin.getByRole('textbox', { name: 'User name' }).fill('owner')
  await admin.getByRole('textbox', { name: 'Display name' }).fill('Dr. Priya Shah')
  // A common password first: the server's message at the field, and nothing is created.
  await admin.getByLabel('Password', { exact: true }).fill('password1')
  await admin.getByLabel('Password again').fill('password1')
  await expectNoAxeViolations(page)
  await expectNoHorizontalOverflow(page)
  // This file runs at desktop size only: the form must fit a phone too.
  await page.setViewportSize({ width: 360, height: 740 })
  await expectNoHorizontalOverflow(page)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.getByRole('button', { name: 'Set up the practice' }).click()
  await expect(admin.getByLabel('Password', { exact: true })).toHaveAccessibleDescription(
    /too common/,
  )
  await admin.getByLabel('Password', { exact: true }).fill('harbour street owner')
  await admin.getByLabel('Password again').fill('harbour street owner')
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

  await page.getByRole('textbox', { name: 'User name' }).fill('owner')
  await page.getByLabel('Password').fill('harbour street owner')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Welcome, Dr. Priya Shah' }),
  ).toBeVisible()

  const nav = page.getByRole('navigation', { name: 'Console' })
  await nav.getByRole('link', { name: 'Staff' }).click()
  const add = page.getByRole('region', { name: 'Add a staff member' })
  await add.getByRole('textbox', { name: 'Display name' }).fill('Sam Front')
  await add.getByRole('textbox', { name: 'User name' }).fill('sam.front')
  await add.getByRole('button', { name: 'Add staff member' }).click()
  await expect(page.getByRole('region', { name: 'Sign-in details for Sam Front' })).toBeVisible()

  await nav.getByRole('link', { name: 'Sync API keys' }).click()
  const create = page.getByRole('region', { name: 'Create a key' })
  await create.getByRole('textbox', { name: 'Key name' }).fill('Open Dental server')
  await create.getByRole('button', { name: 'Create key' }).click()
  const shown = page.getByRole('region', { name: 'New key: Open Dental server' })
  await expect(shown.locator('dd')).toHaveText(/^bw_/)

  // The portal serves the new practice (and no demo).
  await page.goto(`${origin}/`)
  await expect(page.getByText('Lakeside Dental').first()).toBeVisible()
  expect(output).not.toContain('Demo')
})
