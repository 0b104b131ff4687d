import { expect, type Page, type Route, test } from '@playwright/test'
import { DEMO_PRACTICE, expectNoAxeViolations, expectUsablePage } from './checks.ts'
import {
  ADMIN,
  goToConsolePage,
  type PatientRow,
  signInToOffice,
  submitOfficeSignIn,
} from './office-helpers.ts'

/**
 * The console's frame and the access panel's less common states. Nothing here changes the demo
 * database: states that would need a particular patient are answered by `page.route`.
 */

// Sign-in, a few pages and an accessibility scan each: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 60_000 })

const json = (route: Route, status: number, body: unknown) =>
  route.fulfill({
    status,
    contentType: status >= 400 ? 'application/problem+json' : 'application/json',
    json: body,
  })

/** Answers the patient search and one patient's access with `patient`. */
async function answerWithPatient(page: Page, patient: PatientRow) {
  await page.route('**/api/office/patients/search', (route) => json(route, 200, [patient]))
  await page.route(`**/api/office/patients/${patient.id}/access`, (route) =>
    route.request().method() === 'GET' ? json(route, 200, patient) : route.fallback(),
  )
}

async function choosePatient(page: Page, patient: PatientRow) {
  await goToConsolePage(page, 'Patient Portal Access')
  await page.getByRole('textbox', { name: 'Name' }).fill(patient.lastName)
  await page.getByRole('button', { name: 'Search' }).click()
  await page.getByRole('link', { name: `${patient.lastName}, ${patient.firstName}` }).click()
  const panel = page.getByRole('region', { name: `${patient.firstName} ${patient.lastName}` })
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused()
  return panel
}

const base: PatientRow = {
  id: 999_001,
  firstName: 'Test',
  lastName: 'Pattern',
  birthdate: '1980-07-03',
  status: 'Patient',
  hasEmail: true,
  missing: [],
  access: null,
}

test('a console address asks for sign-in first, then opens', async ({ page }) => {
  await page.goto('/office/outgoing-email')
  await expect(page).toHaveURL(/\/office\/sign-in$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Office console' })).toBeVisible()
  // Nobody was signed in, so nothing "ended".
  await expect(page.getByText('Your session has ended')).toHaveCount(0)
  await submitOfficeSignIn(page)
  await expect(page).toHaveURL(/\/office\/outgoing-email$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Outgoing email' })).toBeVisible()
  await expect(page).toHaveTitle(`Outgoing email – ${DEMO_PRACTICE}`)
  await expectUsablePage(page)
})

test('an unknown console address leads someone signed in back to the console', async ({ page }) => {
  await signInToOffice(page)
  await page.goto('/office/no-such-page')
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  await page.getByRole('link', { name: 'Go to the office console' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: `Welcome, ${ADMIN.displayName}` }),
  ).toBeVisible()
})

test('a session that ended on the server leads to the sign-in page, and back', async ({
  page,
  context,
}) => {
  await signInToOffice(page)
  await goToConsolePage(page, 'Patient Portal Access')

  // As after 30 idle minutes: the server no longer knows the session.
  await context.clearCookies()
  await page.getByRole('textbox', { name: 'Name' }).fill('Garcia')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/\/office\/sign-in$/)
  await expect(page.getByRole('alert')).toHaveText('Your session has ended. Please sign in again.')
  await expectUsablePage(page)

  await submitOfficeSignIn(page)
  await expect(page).toHaveURL(/\/office\/access$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Patient Portal Access' })).toBeVisible()
})

test('the search asks for a name or a birthdate, and finds the Garcias', async ({ page }) => {
  await signInToOffice(page)
  await goToConsolePage(page, 'Patient Portal Access')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page.getByRole('alert')).toHaveText('Enter a name, a birthdate, or both.')

  await page.getByRole('textbox', { name: 'Name' }).fill('garcia')
  await page.getByRole('button', { name: 'Search' }).click()
  const maria = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'Garcia, Maria' }) })
  await expect(maria).toContainText('Yes maria.garcia')
  await expect(page.getByRole('link', { name: /^Garcia, / })).toHaveCount(4)
  await expectUsablePage(page)

  await maria.getByRole('link', { name: 'Garcia, Maria' }).click()
  const panel = page.getByRole('region', { name: 'Maria Garcia' })
  await expect(panel.getByRole('heading', { level: 2, name: 'Maria Garcia' })).toBeFocused()
  await expect(panel.getByText('maria.garcia', { exact: true })).toBeVisible()
  await expect(panel.getByText(/^Last signed in |^Has not signed in yet$/)).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Reset password' })).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Remove access' })).toBeVisible()

  // Cancel leaves everything as it was.
  await panel.getByRole('button', { name: 'Remove access' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Remove online access?' })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(panel.getByRole('button', { name: 'Remove access' })).toBeFocused()
  await expectUsablePage(page)
})

test('a patient with missing details cannot be given access, and the page says why', async ({
  page,
}) => {
  const patient = { ...base, missing: ['address', 'birthdate'], birthdate: null }
  await signInToOffice(page)
  await answerWithPatient(page, patient)
  const panel = await choosePatient(page, patient)
  await expect(panel).toContainText(
    "Add the patient's address and birthdate in the practice-management system first.",
  )
  await expect(panel.getByRole('button', { name: 'Provide online access' })).toHaveCount(0)
  await expectUsablePage(page)
})

test('a refused user name is explained next to the field; without email no invitation', async ({
  page,
}) => {
  const patient = { ...base, hasEmail: false }
  await signInToOffice(page)
  await answerWithPatient(page, patient)
  let granted = false
  await page.route(`**/api/office/patients/${patient.id}/access`, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback()
    const wanted = (route.request().postDataJSON() as { username?: string }).username
    if (wanted === 'bad name') {
      return json(route, 400, {
        type: '/problems/invalid',
        title: 'Invalid',
        status: 400,
        detail: 'Please choose another user name.',
        errors: { username: 'Use letters, digits and . _ - @ only.' },
      })
    }
    granted = true
    return json(route, 201, { username: 'test4821', oneTimePassword: 'K7PQ-M2XZ' })
  })
  const panel = await choosePatient(page, patient)
  await expect(panel).toContainText('No email address on file')

  const field = panel.getByRole('textbox', { name: 'User name (optional)' })
  await field.fill('bad name')
  await panel.getByRole('button', { name: 'Provide online access' }).click()
  await expect(panel.getByText('Use letters, digits and . _ - @ only.')).toBeVisible()
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page)

  await field.fill('')
  await panel.getByRole('button', { name: 'Provide online access' }).click()
  const card = panel.getByRole('region', { name: 'Sign-in details for Test' })
  await expect(card.getByRole('definition')).toHaveText(['test4821', 'K7PQ-M2XZ'])
  expect(granted).toBe(true)
  await expect(card.getByRole('button', { name: 'Email invitation' })).toBeDisabled()
  await expect(card).toContainText('there is no email address on file for this patient')
  await expect(card.getByRole('button', { name: 'Print' })).toBeEnabled()
  await expectUsablePage(page)
})

test('front-desk staff see Patient Portal Access but not Outgoing email', async ({ page }) => {
  await page.route('**/api/office/session', async (route) => {
    if (route.request().method() !== 'GET') return route.fallback()
    return json(route, 200, {
      username: 'frontdesk',
      displayName: 'Jenna Morales',
      role: 'front_desk',
      practiceName: DEMO_PRACTICE,
    })
  })
  await page.goto('/office/')
  await expect(
    page.getByRole('heading', { level: 1, name: 'Welcome, Jenna Morales' }),
  ).toBeVisible()
  await expect(page.getByRole('banner')).toContainText('Front desk')
  const nav = page.getByRole('navigation', { name: 'Console' })
  await expect(nav.getByRole('link')).toHaveText([
    'Patient Portal Access',
    'WebMail',
    'Online payments',
  ])
  await expectUsablePage(page)
  // Typed in by hand, the page explains instead of failing.
  await page.goto('/office/outgoing-email')
  await expect(page.getByText('Your role does not give access to this page.')).toBeVisible()
})
