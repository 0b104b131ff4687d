import { type Browser, expect, type Page } from '@playwright/test'
import { totpCode } from '../../server/platform/auth/second-factor/rules.ts'
import { HASHING } from './portal.ts'

/** The demo practice's administrator (server/demo/sign-ins.ts). */
export const ADMIN = {
  username: 'admin',
  password: 'Bitewing-admin-1',
  displayName: 'Practice Administrator',
}

/** Fills in and sends the office sign-in form on the page already showing it. */
export async function submitOfficeSignIn(page: Page) {
  await page.getByRole('textbox', { name: 'User name' }).fill(ADMIN.username)
  await page.getByLabel('Password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

/**
 * Signs the administrator in through the page (the form filled by `submit`, as a mouse user
 * would unless told otherwise) and waits for the console's front page.
 */
export async function signInToOffice(page: Page, submit = submitOfficeSignIn) {
  await page.goto('/office/')
  await expect(page.getByRole('heading', { level: 1, name: 'Office console' })).toBeVisible()
  await submit(page)
  await expect(
    page.getByRole('heading', { level: 1, name: `Welcome, ${ADMIN.displayName}` }),
  ).toBeVisible(HASHING)
}

/**
 * The office beside a patient's page: a browser context of its own at the page's size, the
 * administrator signed in. Close `officeContext` at the end.
 */
export async function officeBeside(browser: Browser, page: Page, submit = submitOfficeSignIn) {
  const officeContext = await browser.newContext({ viewport: page.viewportSize() })
  const office = await officeContext.newPage()
  await signInToOffice(office, submit)
  return { officeContext, office }
}

/** Follows the console's navigation to the page `name` and waits for its heading. */
export async function goToConsolePage(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}

/** Opens the audit log filtered to one patient by name; returns its events, an item each. */
export async function auditEventsOf(page: Page, patientName: string) {
  await goToConsolePage(page, 'Audit log')
  await page.getByRole('textbox', { name: 'Patient' }).fill(patientName)
  await page.getByRole('button', { name: 'Search' }).click()
  return page.getByRole('list', { name: 'Audit events' }).getByRole('listitem')
}

/** Signs the administrator in and opens Portal Settings from the console's navigation. */
export async function openPortalSettings(page: Page) {
  await signInToOffice(page)
  await goToConsolePage(page, 'Portal Settings')
}

export interface PatientRow {
  id: number
  firstName: string
  lastName: string
  birthdate: string | null
  status: string
  hasEmail: boolean
  missing: string[]
  access: null | { username: string; awaitingFirstSignIn: boolean; lastSignInAt: string | null }
}

/**
 * Patients who could be given access now (active, with an email address, nothing missing) and
 * do not have it, found through the office API with the page's own session. Each test run
 * picks at run time, so what another test changed cannot trip it.
 */
export async function patientsWithoutAccess(page: Page): Promise<PatientRow[]> {
  const found = new Map<number, PatientRow>()
  for (const letter of 'bcdhjklmprstw') {
    const response = await page.request.post('/api/office/patients/search', {
      data: { name: letter },
    })
    expect(response.ok()).toBe(true)
    for (const patient of (await response.json()) as PatientRow[]) {
      const ready =
        patient.access === null &&
        patient.missing.length === 0 &&
        patient.status === 'Patient' &&
        patient.hasEmail &&
        patient.birthdate !== null &&
        patient.lastName !== 'Garcia'
      if (ready) found.set(patient.id, patient)
    }
    if (found.size >= 6) break
  }
  return [...found.values()].sort((a, b) => a.id - b.id)
}

/**
 * The authenticator app a new practice asks its administrators to add after their password
 * (the demo practice does not): the test computes the code from the key the page shows.
 */
export async function addRequiredAuthenticatorApp(page: Page) {
  await page.getByRole('button', { name: 'Add authenticator app' }).click()
  const shown = await page
    .locator('p', { hasText: 'Or type this key' })
    .locator('code')
    .textContent()
  const key = (shown ?? '').replace(/\s+/g, '')
  await page.getByRole('textbox', { name: 'Code from the app' }).fill(totpCode(key))
  await page.getByRole('button', { name: 'Confirm' }).click()
  await page.getByRole('button', { name: 'I have saved my recovery codes' }).click()
}
