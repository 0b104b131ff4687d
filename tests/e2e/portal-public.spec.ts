import { expect, type Page, test } from '@playwright/test'
import { fillBirthdate } from './birthdate.ts'
import {
  collectConsoleErrors,
  DEMO_PRACTICE,
  expectNoAxeViolations,
  expectUsablePage,
} from './checks.ts'
import { HASHING, SESSION, sessionView } from './portal.ts'

test.describe('Contact us before signing in', () => {
  test('shows every location’s address, phone, email and hours without asking who you are', async ({
    page,
  }) => {
    test.slow()
    const errors = collectConsoleErrors(page)
    const lookups: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/api/public/contact')) lookups.push(request.method())
    })
    await page.goto('/contact')
    await expect(page.getByRole('heading', { level: 1, name: 'Contact us' })).toBeVisible()
    await expect(page).toHaveTitle(`Contact us – ${DEMO_PRACTICE}`)
    // Nothing to type: no name or birthdate is asked for, so nothing says who is a patient.
    await expect(page.getByRole('textbox')).toHaveCount(0)

    const mainStreet = page.getByRole('region', { name: /Main Street/ })
    await expect(mainStreet.getByText('7885 Main Street N')).toBeVisible()
    await expect(mainStreet.getByRole('link', { name: '(763) 555-0100' })).toHaveAttribute(
      'href',
      'tel:7635550100',
    )
    await expect(
      mainStreet.getByRole('link', { name: 'mainstreet@maplegrovedental.example' }),
    ).toHaveAttribute('href', 'mailto:mainstreet@maplegrovedental.example')
    await expect(mainStreet.getByRole('heading', { level: 2, name: /^Hours/ })).toBeVisible()
    // Weekday names and times come from Intl in the browser's language (English here).
    await expect(mainStreet.getByRole('row', { name: /Monday/ })).toContainText(/8:00\s?AM/)
    await expect(mainStreet.getByRole('row', { name: /Sunday/ })).toContainText('Closed')
    expect(await page.getByRole('region').count()).toBeGreaterThan(1)
    await expectUsablePage(page)
    expect(lookups).toEqual(['GET'])
    expect(errors.besidesFailedRequestsTo(SESSION)).toEqual([])
  })
})

test.describe('Forgot password', () => {
  test('asks for the user name first, and says the same whether or not it exists', async ({
    page,
  }) => {
    test.slow()
    await page.goto('/forgot-password')
    await expect(page.getByRole('heading', { level: 1, name: 'Forgot password' })).toBeVisible()
    await page.getByRole('button', { name: 'Email me a code' }).click()
    await expect(page.getByText('Enter your user name.', { exact: true })).toBeVisible()
    await expectNoAxeViolations(page)

    await page.getByRole('textbox', { name: 'User name' }).fill('nobody.e2e.example')
    await page.getByRole('button', { name: 'Email me a code' }).click()
    await expect(page.getByRole('status')).toContainText('a reset code is on its way', HASHING)
    await expect(page.getByText('nobody.e2e.example')).toBeVisible()
    await expect(page.getByRole('textbox', { name: 'Reset code' })).toHaveAttribute(
      'autocomplete',
      'one-time-code',
    )
    await expectUsablePage(page)

    await page.getByRole('button', { name: 'Ask for a new code' }).click()
    await expect(page.getByRole('textbox', { name: 'User name' })).toHaveValue('nobody.e2e.example')
  })
})

/** Answers GET /api/portal/session with `view`, as a practice with these settings would. */
async function standInSession(page: Page, view: Record<string, unknown>) {
  await page.route(`**${SESSION}`, (route) =>
    route.request().method() === 'GET' ? route.fulfill({ json: view }) : route.fallback(),
  )
}

test.describe('steps between sign-in and the portal (stand-in sessions)', () => {
  test('first sign-in fits the screen and passes axe', async ({ page }) => {
    test.slow()
    await standInSession(page, sessionView({ stage: 'change-password', canChangeUsername: true }))
    await page.goto('/first-sign-in')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Choose your password' }),
    ).toBeVisible()
    await expect(
      page.getByRole('textbox', { name: 'Choose a new user name (optional, this once only)' }),
    ).toBeVisible()
    await expectUsablePage(page)
  })

  test('first sign-in offers no user name change once it has been offered', async ({ page }) => {
    test.slow()
    await standInSession(page, sessionView({ stage: 'change-password', canChangeUsername: false }))
    await page.goto('/first-sign-in')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Choose your password' }),
    ).toBeVisible()
    await expect(page.getByRole('textbox', { name: /Choose a new user name/ })).toHaveCount(0)
  })

  test('verify personal information: tries left, then locked out', async ({ page }) => {
    test.slow()
    await standInSession(page, sessionView({ stage: 'verify' }))
    let tries = 0
    await page.route('**/api/portal/verify', (route) => {
      tries += 1
      return tries === 1
        ? route.fulfill({
            status: 400,
            contentType: 'application/problem+json',
            json: {
              type: '/problems/invalid',
              title: 'Invalid',
              status: 400,
              detail: 'This does not match our records. 2 tries left.',
            },
          })
        : route.fulfill({
            status: 403,
            contentType: 'application/problem+json',
            json: {
              type: '/problems/verification-locked',
              title: 'Could not verify',
              status: 403,
              detail: 'We could not verify your information, so you have been signed out.',
            },
          })
    })
    // Where a practice requires it, signing in leads here.
    await page.goto('/')
    await expect(page).toHaveURL('/verify')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Verify personal information' }),
    ).toBeVisible()
    // The page's own disclosure, not the footer's link to the privacy page.
    await page.locator('summary', { hasText: 'Privacy policy' }).click()
    await expect(page.getByText('Maple Grove Dental respects your privacy.')).toBeVisible()
    await expectUsablePage(page)

    await page.getByRole('textbox', { name: 'First name' }).fill('Pat')
    await page.getByRole('textbox', { name: 'Last name' }).fill('Example')
    await fillBirthdate(page, '1980-02-29')
    const [request] = await Promise.all([
      page.waitForRequest('**/api/portal/verify'),
      page.getByRole('button', { name: 'Continue' }).click(),
    ])
    expect(request.postDataJSON()).toEqual({
      firstName: 'Pat',
      lastName: 'Example',
      birthdate: '1980-02-29',
    })
    await expect(page.getByRole('alert')).toHaveText(
      'This does not match our records. 2 tries left.',
    )
    await expectNoAxeViolations(page)

    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page).toHaveURL('/')
    await expect(
      page.getByRole('status').filter({ hasText: 'We could not verify your information' }),
    ).toBeVisible()
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
  })

  test('verify personal information: a match opens the portal', async ({ page }) => {
    test.slow()
    await standInSession(page, sessionView({ stage: 'verify' }))
    await page.route('**/api/portal/verify', (route) =>
      route.fulfill({ json: sessionView({ stage: 'ready' }) }),
    )
    await page.goto('/verify')
    await page.getByRole('textbox', { name: 'First name' }).fill('Pat')
    await page.getByRole('textbox', { name: 'Last name' }).fill('Example')
    await fillBirthdate(page, '1980-02-29')
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page).toHaveURL('/patients/990001')
    await expect(page.getByRole('heading', { level: 1, name: 'Pat Example' })).toBeVisible()
    // A plain patient: no Family in the menu.
    await page.getByRole('banner').getByRole('button', { name: 'Pat Example' }).click()
    await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible()
    await expect(page.getByRole('menuitemradio')).toHaveCount(0)
  })
})

test.describe('typing a birthdate', () => {
  for (const { locale, order, legend, labels, july } of [
    {
      locale: 'en-CA',
      order: ['Day', 'Month', 'Year'],
      legend: 'Birthdate',
      labels: {},
      july: 'July',
    },
    {
      locale: 'es-MX',
      order: ['Día', 'Mes', 'Año'],
      legend: 'Fecha de nacimiento',
      labels: { day: 'Día', month: 'Mes', year: 'Año' },
      july: 'julio',
    },
    {
      locale: 'fr-CA',
      order: ['Année', 'Mois', 'Jour'],
      legend: 'Date de naissance',
      labels: { day: 'Jour', month: 'Mois', year: 'Année' },
      july: 'juillet',
    },
  ] as const) {
    test.describe(locale, () => {
      test.use({ locale })

      test('day, a named month and year: 07/05 cannot be misread', async ({ page }) => {
        await standInSession(page, sessionView({ stage: 'verify' }))
        await page.goto('/verify')
        const group = page.getByRole('group', { name: new RegExp(`^${legend}`, 'i') })
        await expect(group.getByRole('textbox').or(group.getByRole('combobox'))).toHaveCount(3)
        const names = await group
          .locator('label')
          .evaluateAll((found) => found.map((label) => label.textContent?.trim()))
        expect(names).toEqual(order)
        await expect(
          group.getByRole('combobox').getByRole('option', { name: july }),
        ).toHaveAttribute('value', '7')
        await expectUsablePage(page)

        // A day the month does not have is refused before anything is sent.
        const label = (name: 'day' | 'month' | 'year', english: string) =>
          (labels as Record<string, string>)[name] ?? english
        await page.getByRole('textbox').first().fill('Pat')
        await page.getByRole('textbox').nth(1).fill('Example')
        await group.getByRole('textbox', { name: label('day', 'Day') }).fill('31')
        await group.getByRole('combobox', { name: label('month', 'Month') }).selectOption('4')
        await group.getByRole('textbox', { name: label('year', 'Year') }).fill('1985')
        let sent = 0
        await page.route('**/api/portal/verify', (route) => {
          sent += 1
          return route.fulfill({ json: sessionView({ stage: 'ready' }) })
        })
        await page
          .getByRole('button')
          .filter({ hasText: /Continue|Continuer|Continuar/ })
          .click()
        await expect(group.getByRole('textbox', { name: label('day', 'Day') })).toHaveAttribute(
          'aria-invalid',
          'true',
        )
        expect(sent).toBe(0)

        await fillBirthdate(page, '1985-07-05', { legend, ...labels })
        const [request] = await Promise.all([
          page.waitForRequest('**/api/portal/verify'),
          page
            .getByRole('button')
            .filter({ hasText: /Continue|Continuer|Continuar/ })
            .click(),
        ])
        expect(request.postDataJSON().birthdate).toBe('1985-07-05')
      })
    })
  }
})
