import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from './checks.ts'
import { MARIA, signInToPortal } from './portal.ts'
import { chooseFamilyMember } from './portal-tabs.ts'

// The server answers slowly while other test files share it; each test does several page loads.
test.describe.configure({ timeout: 90_000 })

// Desktop only (see playwright.config.ts): these change the demo's data once per server.
// Maria confirms her own cleaning; she books Sofia's recall. Luis's appointments and recall
// are left alone for the other files.

test('Maria confirms her appointment; the status changes in place', async ({ page }) => {
  await signInToPortal(page, MARIA, 'Maria Garcia')
  const action = page.getByRole('region', { name: 'Action needed' })
  const confirm = action.getByRole('button', { name: 'Confirm appointment' })
  await expect(confirm).toHaveCount(1)
  const card = action
    .getByRole('article')
    .filter({ has: page.getByRole('button', { name: 'Confirm appointment' }) })
  await expect(card).toContainText('Please confirm')
  const [answer] = await Promise.all([
    page.waitForResponse((r) => /\/appointments\/\d+\/confirm$/.test(r.url())),
    confirm.click(),
  ])
  expect(answer.status()).toBe(200)
  await expect(page.getByRole('status').filter({ hasText: /is confirmed\.$/ })).toBeVisible()
  await expect(action.getByRole('button', { name: 'Confirm appointment' })).toHaveCount(0)
  await expect(action.getByRole('article').first()).toContainText('Confirmed')
  await expect(
    page.getByRole('region', { name: 'Upcoming' }).getByText('Please confirm'),
  ).toHaveCount(0)
  await expectNoAxeViolations(page)

  // From the server, not only the page: after a reload it is still confirmed.
  await page.reload()
  await expect(
    page.getByRole('region', { name: 'Upcoming' }).getByText('Confirmed').first(),
  ).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Action needed' }).getByRole('button', {
      name: 'Confirm appointment',
    }),
  ).toHaveCount(0)
})

test('Maria books Sofia’s recall; a time taken a moment ago is explained', async ({ page }) => {
  await signInToPortal(page, MARIA, 'Maria Garcia')
  await chooseFamilyMember(page, 'Maria Garcia', 'Sofia Garcia')
  const action = page.getByRole('region', { name: 'Action needed' })
  await action.getByRole('button', { name: 'Schedule appointment' }).click()
  const dialog = page.getByRole('dialog', { name: 'Schedule appointment' })
  const times = dialog.getByRole('button', { name: /^\d{1,2}:\d{2} [AP]M / })
  await expect(times.first()).toBeVisible()

  // Someone else takes the first time between listing and booking: the server says 409.
  await page.route(
    '**/recalls/*/book',
    (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/problem+json',
        json: {
          type: '/problems/open-time-taken',
          title: 'Just taken',
          status: 409,
          detail: 'Someone booked this time a moment ago. Please choose another time.',
        },
      }),
    { times: 1 },
  )
  await times.first().click()
  const refreshed = page.waitForResponse((r) => /\/open-times$/.test(r.url()))
  await dialog.getByRole('button', { name: 'Book this time' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Someone booked this time a moment ago')
  expect((await refreshed).status()).toBe(200)
  await expect(times.first()).toBeVisible()
  await expectNoAxeViolations(page)

  // Now a real booking.
  const day = (await dialog.getByRole('heading', { level: 3 }).first().textContent()) ?? ''
  await times.first().click()
  const [booked] = await Promise.all([
    page.waitForResponse((r) => /\/recalls\/\d+\/book$/.test(r.url())),
    dialog.getByRole('button', { name: 'Book this time' }).click(),
  ])
  expect(booked.status()).toBe(201)
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: /is booked\.$/ })).toBeVisible()
  // The recall leaves Action needed; the visit is upcoming.
  await expect(action.getByRole('button', { name: 'Schedule appointment' })).toHaveCount(0)
  await expect(
    page.getByRole('region', { name: 'Upcoming' }).getByRole('heading', { level: 4 }),
  ).toContainText([day.replace(/^\w+day, /, '')])
})
