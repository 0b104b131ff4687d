import { expect, type Page, test } from '@playwright/test'
import {
  answerNotFound,
  collectConsoleErrors,
  DEMO_PRACTICE,
  expectNoAxeViolations,
  expectUsablePage,
  storedInBrowser,
} from './checks.ts'

const NOT_YET = 'Signing in is not available yet on this server.'
const SESSION = '/api/portal/session'

const userName = (page: Page) => page.getByRole('textbox', { name: 'User name' })
const password = (page: Page) => page.getByLabel('Password')
const remember = (page: Page) => page.getByRole('checkbox', { name: 'Remember user name' })
const signInButton = (page: Page) => page.getByRole('button', { name: 'Sign in', exact: true })

test.describe('patient portal sign-in page', () => {
  test('shows the practice from the database and the sign-in form', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1, name: DEMO_PRACTICE })).toBeVisible()
    await expect(page).toHaveTitle(`Sign in – ${DEMO_PRACTICE}`)
    await expect(page.locator('html')).toHaveAttribute('lang', /^en\b/)

    await expect(userName(page)).toHaveAttribute('autocomplete', 'username')
    await expect(password(page)).toHaveAttribute('type', 'password')
    await expect(password(page)).toHaveAttribute('autocomplete', 'current-password')
    await expect(remember(page)).not.toBeChecked()
    await expect(signInButton(page)).toBeEnabled()
    await expect(page.getByRole('link', { name: 'Forgot password' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Contact us' })).toBeVisible()
    // The demo practice takes payments online (through the sandbox processor).
    await expect(page.getByRole('link', { name: 'Make payment' })).toBeVisible()
  })

  test('is served with security headers and runs without console errors', async ({ page }) => {
    const errors = collectConsoleErrors(page)
    const response = await page.goto('/')
    const headers = response?.headers() ?? {}
    expect(headers['content-security-policy']).toContain("script-src 'self'")
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('no-referrer')
    await expect(page.getByRole('heading', { name: DEMO_PRACTICE })).toBeVisible()
    // The CSP forbids inline scripts; the built page must not need any.
    await expect(page.locator('script:not([src])')).toHaveCount(0)
    await expect(signInButton(page)).toBeVisible()
    // The page asks whether someone is signed in already; "no" is a 401 the browser logs.
    expect(errors.besidesFailedRequestsTo(SESSION)).toEqual([])
  })

  test('passes axe and fits the screen', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { name: DEMO_PRACTICE })).toBeVisible()
    await expectUsablePage(page)
  })

  test('asks for both fields before sending anything', async ({ page }) => {
    let posted = false
    page.on('request', (request) => {
      if (request.url().endsWith(SESSION) && request.method() === 'POST') posted = true
    })
    await page.goto('/')
    await signInButton(page).click()
    await expect(page.getByText('Enter your user name.')).toBeVisible()
    await expect(page.getByText('Enter your password.')).toBeVisible()
    await expect(userName(page)).toHaveAttribute('aria-invalid', 'true')
    await expect(userName(page)).toBeFocused()
    expect(posted).toBe(false)
    await expectNoAxeViolations(page)
  })

  test('sends the credentials, and says honestly when the server cannot sign in yet', async ({
    page,
  }) => {
    const errors = collectConsoleErrors(page)
    await answerNotFound(page, SESSION)
    await page.goto('/')
    await userName(page).fill('  maria.garcia ')
    await password(page).fill('Bitewing-demo-1')
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith(SESSION)),
      signInButton(page).click(),
    ])
    expect(request.method()).toBe('POST')
    expect(request.postDataJSON()).toEqual({
      username: 'maria.garcia',
      password: 'Bitewing-demo-1',
    })
    await expect(page.getByRole('alert')).toContainText(NOT_YET)
    // The person's input stays, so nothing has to be typed again.
    await expect(userName(page)).toHaveValue('  maria.garcia ')
    await expectUsablePage(page)
    expect(errors.besidesFailedRequestsTo(SESSION)).toEqual([])
  })

  test('remembers the user name, never the password, and forgets it when asked', async ({
    page,
  }) => {
    const secret = 'Not-in-storage-42'
    await answerNotFound(page, SESSION)
    await page.goto('/')
    await userName(page).fill('maria.garcia')
    await password(page).fill(secret)
    await remember(page).check()
    await signInButton(page).click()
    await expect(page.getByRole('alert')).toContainText(NOT_YET)

    const stored = await storedInBrowser(page)
    expect(stored).toContain('maria.garcia')
    expect(stored).not.toContain(secret)

    await page.reload()
    await expect(userName(page)).toHaveValue('maria.garcia')
    await expect(password(page)).toHaveValue('')
    await expect(remember(page)).toBeChecked()

    await remember(page).uncheck()
    await password(page).fill(secret)
    await signInButton(page).click()
    await expect(page.getByRole('alert')).toContainText(NOT_YET)
    expect(await storedInBrowser(page)).not.toContain('maria.garcia')

    await page.reload()
    await expect(userName(page)).toHaveValue('')
    await expect(remember(page)).not.toBeChecked()
  })

  test('keeps nothing when Remember user name is left unticked', async ({ page }) => {
    await answerNotFound(page, SESSION)
    await page.goto('/')
    await userName(page).fill('luis.garcia')
    await password(page).fill('Bitewing-demo-1')
    await signInButton(page).click()
    await expect(page.getByRole('alert')).toContainText(NOT_YET)
    const stored = await storedInBrowser(page)
    expect(stored).not.toContain('luis.garcia')
    expect(stored).not.toContain('Bitewing-demo-1')
  })
})

test.describe('pages linked from the sign-in page', () => {
  for (const link of ['Forgot password', 'Contact us']) {
    test(`${link} opens its page and leads back`, async ({ page }) => {
      const errors = collectConsoleErrors(page)
      await page.goto('/')
      await page.getByRole('link', { name: link }).click()
      await expect(page.getByRole('heading', { level: 1, name: link })).toBeVisible()
      await expect(page).toHaveTitle(`${link} – ${DEMO_PRACTICE}`)
      await expect(page.getByText(DEMO_PRACTICE, { exact: true })).toBeVisible()
      // Forgot password asks for a user name; Contact us asks nothing and shows the locations.
      await expect(
        link === 'Contact us'
          ? page.getByRole('region').first()
          : page.getByRole('textbox').first(),
      ).toBeVisible()
      await expectUsablePage(page)

      await page.getByRole('link', { name: 'Back to sign in' }).click()
      await expect(page.getByRole('heading', { name: DEMO_PRACTICE })).toBeVisible()
      expect(errors.besidesFailedRequestsTo(SESSION)).toEqual([])
    })
  }

  test('a reload on a linked page still shows it', async ({ page }) => {
    await page.goto('/forgot-password')
    await expect(page.getByRole('heading', { level: 1, name: 'Forgot password' })).toBeVisible()
  })

  test('Make payment appears when the practice takes payments online, and is not a dead end', async ({
    page,
  }) => {
    await page.route('**/api/public/practice', async (route) => {
      const response = await route.fetch()
      await route.fulfill({ response, json: { ...(await response.json()), onlinePayments: true } })
    })
    await page.goto('/')
    await page.getByRole('link', { name: 'Make payment' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Make payment' })).toBeVisible()
    await expect(page.getByRole('textbox', { name: 'First name' })).toBeVisible()
    await expectNoAxeViolations(page)
  })

  test('an unknown address says so and leads to the sign-in page', async ({ page }) => {
    await page.goto('/no-such-page')
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    await expectNoAxeViolations(page)
    await page.getByRole('link', { name: 'Go to the portal’s home page' }).click()
    await expect(page.getByRole('heading', { name: DEMO_PRACTICE })).toBeVisible()
  })
})

test('a failed load of the practice is explained and can be retried', async ({ page }) => {
  await page.route('**/api/public/practice', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      json: { type: '/problems/unavailable', title: 'Unavailable', status: 503 },
    }),
  )
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Patient portal' })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('This page could not be loaded.')
  await expectUsablePage(page)

  await page.unroute('**/api/public/practice')
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('heading', { name: DEMO_PRACTICE })).toBeVisible()
  await expect(signInButton(page)).toBeVisible()
})
