import { expect, test } from '@playwright/test'
import { expectNoAxeViolations, expectUsablePage } from './checks.ts'
import { MARIA, patientMenu, signInToPortal } from './portal.ts'
import { openTab } from './portal-tabs.ts'

// Each test signs in (a slow hash) and runs axe on a shared, busy machine.
test.describe.configure({ timeout: 90_000 })

test('the privacy policy is a link away on every page before sign-in', async ({ page }) => {
  for (const path of ['/', '/contact', '/forgot-password']) {
    await page.goto(path)
    await expect(page.getByRole('link', { name: 'Privacy policy' })).toBeVisible()
  }
  await page.getByRole('link', { name: 'Privacy policy' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy policy' })).toBeVisible()
  await expect(page.locator('.privacy-policy-page')).not.toBeEmpty()
  await expect(page.getByRole('link', { name: 'Privacy policy' })).toHaveCount(0)
  await expectUsablePage(page)
})

test('the header tells who is signed in from whose records are open; Tab and Enter switch', async ({
  page,
}) => {
  await signInToPortal(page, MARIA, 'Maria Garcia')
  await openTab(page, 'Plan', 'Treatment plans')
  const family = page.getByRole('navigation', { name: 'People you can view' })
  await expect(family).toContainText('Signed in as Maria Garcia.')
  await expect(family.getByRole('link', { name: 'Maria' })).toHaveAttribute('aria-current', 'page')

  // From the Maria link, Tab reaches the next person; Enter opens her records on the same tab.
  await family.getByRole('link', { name: 'Maria' }).focus()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(family.getByRole('link', { name: 'Mateo' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(family.getByRole('link', { name: 'Sofia' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Sofia Garcia' })).toBeVisible()
  await expect(page).toHaveURL(/\/patients\/\d+\/plan$/)
  await expect(family.getByRole('link', { name: 'Sofia' })).toHaveAttribute('aria-current', 'page')
  // Still Maria who is signed in, and her account in the menu says so.
  await expect(family).toContainText('Signed in as Maria Garcia.')
  await patientMenu(page, 'Sofia Garcia').click()
  await expect(page.getByRole('menu').getByText('Signed in as Maria Garcia')).toBeVisible()
  await page.keyboard.press('Escape')
  await expectNoAxeViolations(page)
  await expectUsablePage(page)
})

test('Images: a file card’s name holds the kind it shows', async ({ page }) => {
  await signInToPortal(page, MARIA, 'Maria Garcia')
  await openTab(page, 'Images', 'Images')
  await expect(page.getByRole('button', { name: /^View .*, PDF$/ }).first()).toBeVisible()
  await expectNoAxeViolations(page)
})
