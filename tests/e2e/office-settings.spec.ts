import { expect, test } from '@playwright/test'
import officeEn from '../../web/office/messages/en.json' with { type: 'json' }
import { FEATURES } from '../../web/office/settings/settings-form.ts'
import { DEMO_PRACTICE, expectUsablePage } from './checks.ts'
import { openPortalSettings } from './office-helpers.ts'

// Read-only: runs at desktop and phone size. Changing settings is in office-settings.desktop.

test('Portal Settings: every section, accessible and fitting the screen', async ({ page }) => {
  // A long page of forms: axe needs a while on it when the machine is busy.
  test.slow()
  await openPortalSettings(page)
  await expect(page).toHaveURL(/\/office\/settings$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Portal Settings' })).toBeFocused()
  for (const name of [
    'Features patients get',
    'Sign-in and security',
    'Privacy policy',
    'WebMail notification email',
    'Patients’ attachments',
    'Contact details and hours',
  ]) {
    await expect(page.getByRole('region', { name })).toBeVisible()
  }
  const features = page.getByRole('region', { name: 'Features patients get' })
  // Which features there are, in which order, is settings-form.test.ts's: here each is a switch.
  for (const { label } of FEATURES) {
    await expect(
      features.getByRole('switch', {
        name: (officeEn as Record<string, string>)[label],
        exact: true,
      }),
    ).toBeVisible()
  }
  await expect(features.getByText(/through the card processor set up/)).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'WebMail notification email' }).getByRole('textbox', {
      name: 'Text',
    }),
  ).toHaveAccessibleDescription(/must not contain health information/i)
  // Weekday names come from the browser's language (en-US here).
  const contacts = page.getByRole('region', { name: 'Contact details and hours' })
  await expect(contacts.getByRole('region', { name: /^Practice: / })).toBeVisible()
  await expect(contacts.getByRole('region', { name: /^Clinic: / })).toHaveCount(2)
  await expect(contacts.getByRole('group', { name: 'Monday' })).toHaveCount(3)
  await expectUsablePage(page)
})

test('staff who are not administrators are told Portal Settings is for administrators', async ({
  page,
}) => {
  // The demo's only staff sign-in is the administrator: the session is answered here instead.
  await page.route('**/api/office/session', async (route) => {
    if (route.request().method() !== 'GET') return route.fallback()
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      json: {
        username: 'frontdesk',
        displayName: 'Jenna Morales',
        role: 'front_desk',
        practiceName: DEMO_PRACTICE,
      },
    })
  })
  await page.goto('/office/settings')
  await expect(page.getByRole('heading', { level: 1, name: 'Portal Settings' })).toBeVisible()
  await expect(
    page.getByText('Only administrators can see and change Portal Settings.'),
  ).toBeVisible()
  await expect(
    page
      .getByRole('navigation', { name: 'Console' })
      .getByRole('link', { name: 'Portal Settings' }),
  ).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Features patients get' })).toHaveCount(0)
  await expectUsablePage(page)
})
