import { expect, type Page } from '@playwright/test'
import { addDays, addYears, calendarDateIn } from '../../server/demo/dates.ts'

/** The demo's portal sign-ins (server/demo/sign-ins.ts: a contract with the README). */
export const MARIA = { username: 'maria.garcia', password: 'Bitewing-demo-1' }
export const LUIS = { username: 'luis.garcia', password: 'Bitewing-demo-1' }
export const NEW_PATIENT = { username: 'new.patient', password: 'Welcome-2024' }
export const SESSION = '/api/portal/session'

/**
 * For steps that wait on a password hash (argon2id, deliberately slow) on a busy machine: sign
 * in, set a password.
 */
export const HASHING = { timeout: 15_000 }

/** The demo dates everything from "today" in the practice's zone (server/demo/practice.ts). */
const demoToday = () => calendarDateIn(new Date(), 'America/Chicago')

/** Birthdates as server/demo/garcia.ts sets them, relative to today. */
export const garciaBirthdate = {
  maria: () => addDays(addYears(demoToday(), -41), -97),
  luis: () => addDays(addYears(demoToday(), -43), -210),
}

export const userNameField = (page: Page) => page.getByRole('textbox', { name: 'User name' })
export const passwordField = (page: Page) => page.getByLabel('Password', { exact: true })

export async function signIn(page: Page, who: { username: string; password: string }) {
  await page.goto('/')
  await userNameField(page).fill(who.username)
  await passwordField(page).fill(who.password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

/** Signs in and waits for the signed-in page of the user's own record. */
export async function signInToPortal(
  page: Page,
  who: { username: string; password: string },
  name: string,
) {
  await signIn(page, who)
  await expect(page).toHaveURL(/\/patients\/\d+$/, HASHING)
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible(HASHING)
}

/** The patient-name menu's button; its name is the patient shown. */
export const patientMenu = (page: Page, name: string | RegExp) =>
  page.getByRole('banner').getByRole('button', { name })

export async function signOutFromMenu(page: Page, name: string | RegExp) {
  await patientMenu(page, name).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'You have signed out.' })).toBeVisible(
    HASHING,
  )
}

/** Opens the Security page from the patient menu of the person signed in. */
export async function openSecurity(page: Page, name: string) {
  await patientMenu(page, name).click()
  await page.getByRole('menuitem', { name: 'Security' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible()
}

/** A session view as the server sends it, for pages reached only in some practices' setups. */
export function sessionView(overrides: Record<string, unknown> = {}) {
  return {
    stage: 'ready',
    username: 'pat.example',
    canChangeUsername: false,
    family: [
      {
        id: 990001,
        firstName: 'Pat',
        lastName: 'Example',
        preferredName: null,
        status: 'Patient',
        self: true,
      },
    ],
    // No tabs: a stand-in patient has no records, and a tab would ask the real server for them
    // (a 401 there ends the stand-in session).
    features: [],
    idleTimeoutMinutes: 15,
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    practiceName: 'Maple Grove Dental',
    privacyPolicy: 'Maple Grove Dental respects your privacy.\nWe never sell your information.',
    ...overrides,
  }
}
