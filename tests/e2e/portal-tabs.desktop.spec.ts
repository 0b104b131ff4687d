import { type APIRequestContext, request } from '@playwright/test'
import { expectNoAxeViolations } from './checks.ts'
import { expect, type FreshFamily, test } from './fresh-family.ts'
import { patientMenu, signInToPortal } from './portal.ts'

// The server answers slowly while other test files share it; each test does several page loads.
test.describe.configure({ timeout: 90_000 })

// Desktop only (see playwright.config.ts): these change data. Each test has fresh families of
// its own (tests/e2e/fresh-family.ts), so the demo's Garcias stay as the README shows them.

/** Switches to another member of a fresh family with the patient-name menu. */
async function chooseMember(page: import('@playwright/test').Page, from: string, to: string) {
  await patientMenu(page, from).click()
  await page.getByRole('menuitemradio', { name: new RegExp(`^${to}`) }).click()
  await expect(page.getByRole('heading', { level: 1, name: to })).toBeVisible()
}

/** Another family books their child's recall into `startsAt` through the portal API. */
async function bookThroughApi(baseURL: string, family: FreshFamily, startsAt: string) {
  const portal: APIRequestContext = await request.newContext({
    baseURL,
    extraHTTPHeaders: { Origin: baseURL },
  })
  const { username, password } = family.guarantor
  const session = await (
    await portal.post('/api/portal/session', { data: { username, password } })
  ).json()
  const child = session.family.find((member: { firstName: string }) => member.firstName === 'Kit')
  const api = `/api/portal/patients/${child.id}`
  const tab = await (await portal.get(`${api}/appointments`)).json()
  const [recall] = tab.actionNeeded.recalls
  const times = await (await portal.get(`${api}/recalls/${recall.id}/open-times`)).json()
  const slot = times.find((time: { startsAt: string }) => time.startsAt === startsAt)
  const booked = await portal.post(`${api}/recalls/${recall.id}/book`, {
    data: { openTimeId: slot.id },
  })
  expect(booked.status()).toBe(201)
  await portal.dispose()
}

test('a guarantor confirms their appointment; the status changes in place', async ({
  page,
  freshFamily,
}) => {
  const { guarantor } = await freshFamily()
  await signInToPortal(page, guarantor, guarantor.name)
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

test('a parent books their child’s recall; a time another family just took is explained', async ({
  page,
  freshFamily,
  baseURL,
}) => {
  // Two families offered the same open times: the other one books the first time between this
  // family's listing and booking, so the server's own answer is "just taken".
  const family = await freshFamily()
  const other = await freshFamily({ sharingRecallsOf: family })
  await signInToPortal(page, family.guarantor, family.guarantor.name)
  await chooseMember(page, family.guarantor.name, family.child.name)
  const action = page.getByRole('region', { name: 'Action needed' })
  await action.getByRole('button', { name: 'Schedule appointment' }).click()
  const dialog = page.getByRole('dialog', { name: 'Schedule appointment' })
  const times = dialog.getByRole('button', { name: /^\d{1,2}:\d{2} [AP]M / })
  await expect(times).toHaveCount(family.openTimes.length)

  await bookThroughApi(baseURL ?? '', other, family.openTimes[0] ?? '')
  await times.first().click()
  const refreshed = page.waitForResponse((r) => /\/open-times$/.test(r.url()))
  await dialog.getByRole('button', { name: 'Book this time' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Someone booked this time a moment ago')
  expect((await refreshed).status()).toBe(200)
  await expect(times).toHaveCount(family.openTimes.length - 1)
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
