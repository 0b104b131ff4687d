import { expect, test } from '@playwright/test'
import { expectUsablePage } from './checks.ts'
import { MARIA, signInToPortal } from './portal.ts'
import { summaryList } from './portal-summary.ts'
import { openTab } from './portal-tabs.ts'

// A Canadian reader: dates dd/mm/yyyy in the page and in the summary the server renders.
test.use({ locale: 'en-CA' })
test.describe.configure({ timeout: 90_000 })

test('a summary of chosen dates: refused backwards, made, viewed in dd/mm/yyyy, closed with Escape from inside', async ({
  page,
}) => {
  await signInToPortal(page, MARIA, 'Maria Garcia')
  await openTab(page, 'Summary', 'Care summaries')
  const form = page.getByRole('region', { name: 'Summary of chosen dates' })
  const from = form.getByLabel('From')
  const to = form.getByLabel('To')
  const create = form.getByRole('button', { name: 'Create summary of these dates' })

  // Backwards: refused in the page, and the person is taken to the field in error.
  await from.fill('2023-06-01')
  await to.fill('2020-01-31')
  await create.click()
  await expect(form.getByText('The end date must be on or after the start date.')).toBeVisible()
  await expect(to).toBeFocused()

  await to.fill('2026-01-31')
  const [answer] = await Promise.all([
    page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        /\/patients\/\d+\/summaries$/.test(response.url()),
    ),
    create.click(),
  ])
  expect(answer.status()).toBe(201)
  expect(await answer.json()).toMatchObject({ rangeFrom: '2023-06-01', rangeTo: '2026-01-31' })
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /^A care summary of the chosen dates of .* was created/ }),
  ).toBeVisible()
  const card = summaryList(page, 'Maria Garcia').getByRole('article').first()
  await expect(card).toContainText('Covers 01/06/2023 to 31/01/2026')
  await expect(card).toContainText('Requested: made when someone asked for it here in the portal.')
  // The heading has seconds, so two made in the same minute differ.
  await expect(card.getByRole('heading')).toHaveText(
    /^Care summary of \d{2}\/\d{2}\/\d{4}, \d{1,2}:\d{2}:\d{2} [ap]\.m\.$/,
  )
  await expectUsablePage(page)

  const view = card.getByRole('button', { name: 'View' })
  await view.click()
  const viewer = page.getByRole('dialog', { name: /^Care summary of / })
  const frame = viewer.frameLocator('iframe')
  await expect(frame.getByText('01/06/2023 – 31/01/2026')).toBeVisible()
  // Focus inside the document (a contents link), then Escape: the viewer closes all the same.
  const link = frame.getByRole('navigation', { name: 'Contents' }).getByRole('link').first()
  await link.focus()
  await link.press('Escape')
  await expect(viewer).toHaveCount(0)
  await expect(view).toBeFocused()
})
