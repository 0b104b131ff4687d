import { expect, type Page, test } from '@playwright/test'
import { expectNoAxeViolations, expectNoHorizontalOverflow, expectUsablePage } from './checks.ts'
import { MARIA, patientMenu, SESSION, signInToPortal } from './portal.ts'
import {
  chooseFamilyMember,
  DEMO_TABS,
  expectTabs,
  type Garcia,
  openTab,
  patientIdIn,
  tabBar,
} from './portal-tabs.ts'

// The server answers slowly while other test files share it; each test does several page loads.
test.describe.configure({ timeout: 90_000 })

// Both page sizes, in parallel, all as Maria, who represents the whole family. Nothing here
// changes data: confirming and booking are in portal-tabs.desktop.spec.ts, on fresh families of
// its own, so the Garcias stay as the demo made them.

const TABS = ['Appointments', 'Account', 'Plan', /^Messages(, \d+ unread)?$/, 'Summary', 'Images']

async function checkPage(page: Page) {
  await expectUsablePage(page)
}

/** What the demo (server/demo/garcia.ts) shows on each tab for each Garcia. */
const expected: Record<
  Garcia,
  { plans: string[]; documents: number; firstDocument: string; ownAccount: boolean }
> = {
  'Maria Garcia': {
    plans: ['Replace old fillings'],
    // The insurance card is in a category the practice does not share.
    documents: 5,
    firstDocument: 'Consent for treatment',
    ownAccount: true,
  },
  'Luis Garcia': {
    plans: ['Night guard', 'Crown on lower left molar'],
    documents: 4,
    firstDocument: 'Bitewing, left',
    ownAccount: false,
  },
  'Sofia Garcia': {
    plans: ['Sealants'],
    documents: 3,
    firstDocument: 'Medical history',
    ownAccount: false,
  },
  'Mateo Garcia': { plans: [], documents: 1, firstDocument: 'Panoramic', ownAccount: false },
}

for (const who of Object.keys(expected) as Garcia[]) {
  test(`every tab works for ${who}`, async ({ page }) => {
    test.setTimeout(150_000)
    const want = expected[who]
    await signInToPortal(page, MARIA, 'Maria Garcia')
    if (who !== 'Maria Garcia') await chooseFamilyMember(page, 'Maria Garcia', who)

    // Only the tabs that exist and the practice offers, in the spec's order.
    await expect(tabBar(page).getByRole('link')).toHaveText(TABS)
    // The first tab opens on the patient's own address.
    await expect(page.getByRole('heading', { level: 2, name: 'Appointments' })).toBeVisible()
    await expect(tabBar(page).getByRole('link', { name: 'Appointments' })).toHaveAttribute(
      'aria-current',
      'page',
    )

    // Appointments
    for (const section of ['Action needed', 'Upcoming', 'Past']) {
      await expect(page.getByRole('heading', { level: 3, name: section })).toBeVisible()
    }
    const upcoming = page.getByRole('region', { name: 'Upcoming' })
    const past = page.getByRole('region', { name: 'Past' })
    if (who === 'Mateo Garcia') {
      await expect(upcoming).toContainText('No upcoming appointments.')
      await expect(past.getByRole('article')).toHaveCount(2)
    } else if (who === 'Sofia Garcia') {
      // Her recall is not booked (the booking test books a fresh family's).
      await expect(past.getByRole('article').first()).toBeVisible()
    } else {
      await expect(upcoming.getByRole('article').first()).toBeVisible()
      await expect(upcoming.getByRole('link', { name: 'Add to calendar' }).first()).toHaveAttribute(
        'href',
        /\/appointments\/\d+\/calendar\.ics$/,
      )
      await expect(past.getByRole('article').first()).toBeVisible()
    }
    if (who === 'Luis Garcia') {
      await expect(
        page
          .getByRole('region', { name: 'Action needed' })
          .getByRole('button', { name: 'Schedule appointment' }),
      ).toBeVisible()
    }
    await checkPage(page)

    // Account: the family's statements are Maria's, the guarantor's.
    await openTab(page, 'Account')
    if (want.ownAccount) {
      await expect(page.getByText('Statements for the family account')).toHaveCount(0)
    } else {
      await expect(
        page.getByText('Statements for the family account of Maria Garcia'),
      ).toBeVisible()
    }
    await expect(page.getByText(/^Balance on your statement of /)).toBeVisible()
    const statements = page.getByRole('region', { name: 'Statements' }).getByRole('table')
    await expect(statements.getByRole('row').nth(1)).toBeVisible()
    await expect(
      statements.getByRole('link', { name: /^View statement of .* \(opens in a new tab\)$/ }),
    ).not.toHaveCount(0)
    await expect(
      page.getByRole('region', { name: 'Payments' }).getByRole('columnheader'),
    ).toHaveText(['Date', 'Amount', 'Method', 'Status', 'Note'])
    await checkPage(page)

    // Plan: saved plans only (never the active or an inactive plan), newest first.
    await openTab(page, 'Plan', 'Treatment plans')
    const headings = page.getByRole('heading', { level: 3 })
    if (want.plans.length === 0) {
      await expect(page.getByText('There are no saved treatment plans.')).toBeVisible()
    } else {
      await expect(headings).toHaveText(want.plans)
      const table = page.getByRole('table', { name: `Procedures in ${want.plans[0]}` })
      await expect(table.getByRole('rowheader', { name: 'Total' })).toBeVisible()
      await expect(page.getByRole('button', { name: 'Print' }).first()).toBeVisible()
    }
    await expect(page.getByText('Active Treatment Plan')).toHaveCount(0)
    await expect(page.getByText('Previous plan')).toHaveCount(0)
    await checkPage(page)

    // Images: oldest first.
    await openTab(page, 'Images')
    const documents = page.getByRole('button', { name: /^View / })
    await expect(documents).toHaveCount(want.documents)
    await expect(documents.first()).toHaveAccessibleName(
      new RegExp(`^View ${want.firstDocument}, `),
    )
    await checkPage(page)
    await documents.first().click()
    const viewer = page.getByRole('dialog', { name: want.firstDocument })
    await expect(viewer).toBeVisible()
    if (who === 'Mateo Garcia') {
      await expect(viewer.getByRole('link', { name: 'Download' })).toHaveCount(0)
    } else {
      await expect(viewer.getByRole('link', { name: 'Download' })).toHaveAttribute(
        'href',
        /\/documents\/\d+\/download$/,
      )
    }
    await checkPage(page)
    await viewer.getByRole('button', { name: 'Close' }).click()
    await expect(viewer).toHaveCount(0)
  })
}

test('the tab and the patient are in the address: reload and back work', async ({ page }) => {
  await signInToPortal(page, MARIA, 'Maria Garcia')
  await chooseFamilyMember(page, 'Maria Garcia', 'Luis Garcia')
  await openTab(page, 'Plan', 'Treatment plans')
  await expect(page).toHaveURL(/\/patients\/\d+\/plan$/)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Luis Garcia' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Treatment plans' })).toBeVisible()
  await openTab(page, 'Images')
  await page.goBack()
  await expect(page.getByRole('heading', { level: 2, name: 'Treatment plans' })).toBeVisible()
  await expect(tabBar(page).getByRole('link', { name: 'Plan' })).toHaveAttribute(
    'aria-current',
    'page',
  )

  // Switching family members keeps the open tab.
  await chooseFamilyMember(page, 'Luis Garcia', 'Sofia Garcia')
  await expect(page).toHaveURL(/\/patients\/\d+\/plan$/)
  await expect(page.getByRole('heading', { level: 3, name: 'Sealants' })).toBeVisible()
})

test('plan totals are the server’s, shown in the totals row', async ({ page }) => {
  await signInToPortal(page, MARIA, 'Maria Garcia')
  await chooseFamilyMember(page, 'Maria Garcia', 'Luis Garcia')
  const [answer] = await Promise.all([
    page.waitForResponse((response) => /\/plans$/.test(response.url())),
    openTab(page, 'Plan', 'Treatment plans'),
  ])
  const view = (await answer.json()) as {
    currency: string
    plans: { heading: string; totals: Record<string, number> }[]
  }
  const money = (cents: number) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency: view.currency }).format(
      cents / 100,
    )
  for (const plan of view.plans) {
    const total = page
      .getByRole('table', { name: `Procedures in ${plan.heading}` })
      .getByRole('row', { name: /^Total/ })
    await expect(total.getByRole('cell')).toHaveText(
      [
        plan.totals.feeCents,
        plan.totals.primaryInsuranceCents,
        plan.totals.secondaryInsuranceCents,
        plan.totals.discountCents,
        plan.totals.patientPortionCents,
      ].map((cents) => money(cents ?? Number.NaN)),
    )
  }
  // The wide table scrolls inside its own region, which the keyboard can reach.
  const region = page.getByRole('region', { name: /^Procedures in Crown on lower left molar/ })
  await expect(region).toHaveAttribute('tabindex', '0')
  await expectNoHorizontalOverflow(page)
})

test('Print prints only the plan', async ({ page }) => {
  await signInToPortal(page, MARIA, 'Maria Garcia')
  await openTab(page, 'Plan', 'Treatment plans')
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printed = document.querySelector('.print-target')?.textContent ?? ''
      window.dispatchEvent(new Event('afterprint'))
    }
  })
  await page.getByRole('button', { name: 'Print' }).click()
  await expect(page.locator('body')).toHaveAttribute('data-printed', /Replace old fillings/)
  await expect(page.locator('body')).not.toHaveAttribute('data-printing', /./)
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('banner')).toBeVisible() // not printing now: nothing hidden
  await page.emulateMedia({ media: 'screen' })
})

test('statements open in the browser and download as PDFs', async ({ page }) => {
  await signInToPortal(page, MARIA, 'Maria Garcia')
  await openTab(page, 'Account')
  const table = page.getByRole('region', { name: 'Statements' }).getByRole('table')
  const view = table.getByRole('link', { name: /^View statement of / }).first()
  await expect(view).toHaveAttribute('target', '_blank')

  const viewed = page
    .context()
    .waitForEvent('response', (r) => /\/statements\/\d+\/pdf$/.test(r.url()))
  const popup = page.waitForEvent('popup')
  await view.click()
  const inline = await viewed
  expect(inline.status()).toBe(200)
  expect(inline.headers()['content-type']).toBe('application/pdf')
  expect(inline.headers()['content-disposition']).toMatch(
    /^inline; filename="statement-\d{4}-\d{2}-\d{2}\.pdf"$/,
  )
  await (await popup).close()

  const download = page.waitForEvent('download')
  await table
    .getByRole('link', { name: /^Download statement of / })
    .first()
    .click()
  expect((await download).suggestedFilename()).toMatch(/^statement-\d{4}-\d{2}-\d{2}\.pdf$/)
  const href = await table
    .getByRole('link', { name: /^Download statement of / })
    .first()
    .getAttribute('href')
  const answer = await page.request.get(href ?? '')
  expect(answer.status()).toBe(200)
  expect(answer.headers()['content-disposition']).toMatch(/^attachment; /)
  expect((await answer.body()).subarray(0, 5).toString()).toBe('%PDF-')
})

test('Mateo (Archived) can view his images but not download them', async ({ page }) => {
  await signInToPortal(page, MARIA, 'Maria Garcia')
  await chooseFamilyMember(page, 'Maria Garcia', 'Mateo Garcia')
  await openTab(page, 'Images')
  await expect(page.getByText('can be viewed here but not downloaded')).toBeVisible()
  const thumbnail = page.getByRole('img', { name: /^Panoramic, / })
  await expect(thumbnail).toBeVisible()
  await expect
    .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0)
  const src = (await thumbnail.getAttribute('src')) ?? ''
  const documentPath = src.replace(/\/thumbnail$/, '')

  await page.getByRole('button', { name: /^View Panoramic/ }).click()
  const viewer = page.getByRole('dialog', { name: 'Panoramic' })
  await expect(viewer.getByRole('img', { name: /^Panoramic, / })).toBeVisible()
  await expect(viewer.getByRole('link', { name: 'Download' })).toHaveCount(0)
  await expect(viewer.getByText('Zoom 100%')).toBeVisible()
  await viewer.getByRole('button', { name: 'Zoom in' }).click()
  await expect(viewer.getByText('Zoom 150%')).toBeVisible()
  await expect(viewer.getByRole('button', { name: 'Zoom out' })).toBeEnabled()

  // The server refuses too, whatever the page shows.
  const refused = await page.request.get(`${documentPath}/download`)
  expect(refused.status()).toBe(403)
  expect((await refused.json()).type).toMatch(/forbidden$/)
  const viewed = await page.request.get(`${documentPath}/view`)
  expect(viewed.status()).toBe(200)
  expect(viewed.headers()['x-content-type-options']).toBe('nosniff')
})

test('a PDF shows inline in the viewer with a title, and Maria may download it', async ({
  page,
}) => {
  await signInToPortal(page, MARIA, 'Maria Garcia')
  await openTab(page, 'Images')
  await page.getByRole('button', { name: /^View Consent for treatment/ }).click()
  const viewer = page.getByRole('dialog', { name: 'Consent for treatment' })
  const frame = viewer.locator('iframe')
  await expect(frame).toHaveAttribute('title', 'Consent for treatment (PDF)')
  const src = (await frame.getAttribute('src')) ?? ''
  expect(src).toMatch(/\/documents\/\d+\/view$/)
  const download = page.waitForEvent('download')
  await viewer.getByRole('link', { name: 'Download' }).click()
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/)
  await expectNoAxeViolations(page)
})

test('Schedule appointment lists open times by day in a dialog', async ({ page }) => {
  await signInToPortal(page, MARIA, 'Maria Garcia')
  await chooseFamilyMember(page, 'Maria Garcia', 'Luis Garcia')
  await page
    .getByRole('region', { name: 'Action needed' })
    .getByRole('button', { name: 'Schedule appointment' })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Schedule appointment' })
  const days = dialog.getByRole('heading', { level: 3 })
  await expect(days.first()).toHaveText(/^\w+day, \d{2}\/\d{2}\/\d{4}$/)
  await expect(dialog.getByRole('button', { name: /^\d{1,2}:\d{2} [AP]M / }).first()).toBeVisible()
  await checkPage(page)
  await dialog
    .getByRole('button', { name: /^\d{1,2}:\d{2} [AP]M / })
    .first()
    .click()
  await expect(dialog.getByRole('button', { name: 'Book this time' })).toBeVisible()
  await dialog.getByRole('button', { name: 'Choose another time' }).click()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)
})

test('Refresh reloads the open tab from the server', async ({ page }) => {
  await signInToPortal(page, MARIA, 'Maria Garcia')
  await openTab(page, 'Account')
  await patientMenu(page, 'Maria Garcia').click()
  const [reloaded] = await Promise.all([
    page.waitForResponse((r) => /\/patients\/\d+\/account$/.test(r.url())),
    page.getByRole('menuitem', { name: 'Refresh' }).click(),
  ])
  expect(reloaded.status()).toBe(200)
})

test('a tab the practice switches off disappears and its address says it is not offered', async ({
  page,
}) => {
  // The session as the server sends it once Portal Settings turns Images off.
  await page.route(`**${SESSION}`, async (route) => {
    const response = await route.fetch()
    if (!response.ok()) return route.fulfill({ response })
    const body = await response.json()
    body.features = body.features.filter((feature: string) => feature !== 'images')
    return route.fulfill({ response, json: body })
  })
  await signInToPortal(page, MARIA, 'Maria Garcia')
  await expectTabs(
    page,
    DEMO_TABS.filter((tab) => tab !== 'Images'),
  )
  const id = patientIdIn(page.url())
  await page.goto(`/patients/${id}/images`)
  await expect(page.getByRole('heading', { level: 2, name: 'Images' })).toBeVisible()
  await expect(page.getByText('Images are not offered in this portal.')).toBeVisible()
  await expect(page.getByRole('button', { name: /^View / })).toHaveCount(0)
  await expectNoAxeViolations(page)
})
