import { expect, test } from '@playwright/test'
import {
  answerNotFound,
  collectConsoleErrors,
  DEMO_PRACTICE,
  expectNoAxeViolations,
  expectUsablePage,
} from './checks.ts'

test.describe('office console sign-in page', () => {
  test('names the console and the practice, with the staff sign-in form', async ({ page }) => {
    const errors = collectConsoleErrors(page)
    const response = await page.goto('/office/')
    const headers = response?.headers() ?? {}
    expect(headers['content-security-policy']).toContain("script-src 'self'")
    expect(headers['x-content-type-options']).toBe('nosniff')

    await expect(page.getByRole('heading', { level: 1, name: 'Office console' })).toBeVisible()
    await expect(page.getByText(DEMO_PRACTICE, { exact: true })).toBeVisible()
    await expect(page).toHaveTitle(`Office console – ${DEMO_PRACTICE}`)
    await expect(page.getByRole('textbox', { name: 'User name' })).toBeVisible()
    await expect(page.getByLabel('Password')).toHaveAttribute('type', 'password')
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
    // Front-desk computers are shared: staff user names are not remembered by the page.
    await expect(page.getByRole('checkbox', { name: 'Remember user name' })).toHaveCount(0)
    await expect(page.locator('script:not([src])')).toHaveCount(0)

    await expectUsablePage(page)
    // The console first asks who is signed in; nobody is, and the server says so with a 401.
    expect(errors.besidesFailedRequestsTo('/api/office/session')).toEqual([])
  })

  test('sends the credentials, and says honestly when the server cannot sign in yet', async ({
    page,
  }) => {
    const errors = collectConsoleErrors(page)
    await answerNotFound(page, '/api/office/session')
    await page.goto('/office')
    await page.getByRole('textbox', { name: 'User name' }).fill('admin')
    await page.getByLabel('Password').fill('Bitewing-admin-1')
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/api/office/session')),
      page.getByRole('button', { name: 'Sign in', exact: true }).click(),
    ])
    expect(request.method()).toBe('POST')
    expect(request.postDataJSON()).toEqual({ username: 'admin', password: 'Bitewing-admin-1' })
    await expect(page.getByRole('alert')).toContainText(
      'Signing in is not available yet on this server.',
    )
    await expectUsablePage(page)
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(
      'Bitewing-admin-1',
    )
    expect(errors.besidesFailedRequestsTo('/api/office/session')).toEqual([])
  })

  test('a refused sign-in is explained in a sentence', async ({ page }, testInfo) => {
    // A real failed attempt: the server throttles them per address (all tests share 127.0.0.1),
    // so only the desktop run makes one; the phone run gets the server's answer replayed.
    if (testInfo.project.name !== 'desktop') {
      await page.route('**/api/office/session', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: 401,
              contentType: 'application/problem+json',
              json: {
                type: '/problems/sign-in-failed',
                title: 'Sign-in failed',
                status: 401,
                detail: 'The user name or password is not right.',
              },
            })
          : route.fallback(),
      )
    }
    const errors = collectConsoleErrors(page)
    await page.goto('/office/')
    await page.getByRole('textbox', { name: 'User name' }).fill('e2e.nobody')
    await page.getByLabel('Password').fill('certainly-wrong')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    // Whichever this server answers: not built yet, or a user name that does not exist.
    await expect(page.getByRole('alert')).toHaveText(/not available yet|not right/)
    expect(errors.besidesFailedRequestsTo('/api/office/session')).toEqual([])
  })

  test('an unknown console address says so and leads back to the console', async ({ page }) => {
    await page.goto('/office/no-such-page')
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    await expectNoAxeViolations(page)
    await page.getByRole('link', { name: 'Go to the office console' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Office console' })).toBeVisible()
  })
})
