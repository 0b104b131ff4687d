import os from 'node:os'
import path from 'node:path'
import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3100)
const baseURL = `http://127.0.0.1:${port}`
// Where the e2e server's loopback SMTP servers write what arrives (scripts/e2e-smtp.mjs); set
// here so the tests (tests/e2e/mail.ts) and the server agree. One per port, like the server.
process.env.E2E_MAIL_DIR ??= path.join(os.tmpdir(), `bitewing-e2e-mail-${port}`)
const onCI = Boolean(process.env.CI)

/**
 * Browser tests against the real server (built web app, migrated database, demo practice).
 * They drive Debian's Chromium; Playwright's own browser downloads are never used.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // The embedded database serializes queries; two workers keep the server responsive.
  workers: onCI ? 1 : 2,
  // A flaky test is fixed, not retried (issue 10).
  retries: 0,
  forbidOnly: onCI,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    },
  },
  projects: [
    {
      name: 'desktop',
      use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'phone',
      // Tests that can run once per server (a one-time password, a real failed sign-in) live in
      // `*.desktop.spec.ts` files; the layout they show is checked at phone size elsewhere.
      testIgnore: /\.desktop\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        viewport: { width: 360, height: 740 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
    },
  ],
  webServer: {
    // Starts the server on a fresh temporary data folder; see the script for details.
    command: 'node scripts/e2e-server.mjs',
    url: `${baseURL}/healthz`,
    timeout: 180_000,
    reuseExistingServer: !onCI,
    env: { E2E_PORT: String(port), E2E_MAIL_DIR: process.env.E2E_MAIL_DIR },
    // The server's welcome banner would interleave with the test list; start-up errors still show.
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
