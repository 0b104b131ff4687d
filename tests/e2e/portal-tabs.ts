import { expect, type Page } from '@playwright/test'
import { patientMenu } from './portal.ts'

/** The demo's Garcias as the Family menu names them (server/demo/garcia.ts). */
export const GARCIAS = ['Maria Garcia', 'Luis Garcia', 'Sofia Garcia', 'Mateo Garcia'] as const
export type Garcia = (typeof GARCIAS)[number]

export const tabBar = (page: Page) => page.getByRole('navigation', { name: 'Records' })

/** The Messages tab, whatever its unread count. */
export const messagesTab = (page: Page) => tabBar(page).getByRole('link', { name: /^Messages/ })

/** Every tab the demo practice offers, in the bar's order (Messages counts what is unread). */
export const DEMO_TABS = [
  'Appointments',
  'Account',
  'Plan',
  /^Messages(, \d+ unread)?$/,
  'Summary',
  'Images',
] as const

/** The tab bar offers exactly these tabs, in this order. */
export async function expectTabs(page: Page, tabs: readonly (string | RegExp)[] = DEMO_TABS) {
  await expect(tabBar(page).getByRole('link')).toHaveText([...tabs])
}

/** Opens a tab from the tab bar and waits for its heading. */
export async function openTab(page: Page, label: string, heading = label) {
  await tabBar(page).getByRole('link', { name: label, exact: true }).click()
  await expect(tabBar(page).getByRole('link', { name: label, exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible()
}

/** Switches to another family member with the patient-name menu. */
export async function chooseFamilyMember(page: Page, from: string, to: Garcia) {
  await patientMenu(page, from).click()
  await page.getByRole('menuitemradio', { name: new RegExp(`^${to}`) }).click()
  await expect(page.getByRole('heading', { level: 1, name: to })).toBeVisible()
}

/** The patient id in the address: /patients/:id or /patients/:id/:tab. */
export function patientIdIn(url: string): number {
  const match = /\/patients\/(\d+)/.exec(url)
  if (!match) throw new Error(`No patient in ${url}`)
  return Number(match[1])
}

/** A YYYY-MM-DD date as each locale writes it, worked out by hand (not by the app's module). */
export function numericDate(isoDate: string, locale: 'en-US' | 'en-CA' | 'de-DE'): string {
  const [year, month, day] = isoDate.split('-')
  switch (locale) {
    case 'en-US':
      return `${month}/${day}/${year}`
    case 'en-CA':
      return `${day}/${month}/${year}`
    case 'de-DE':
      return `${day}.${month}.${year}`
  }
}
