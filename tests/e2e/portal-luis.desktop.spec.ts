import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from './checks.ts'
import { LUIS, MARIA, patientMenu, SESSION, signInToPortal, signOutFromMenu } from './portal.ts'
import { familyList, summaryDate, summaryList } from './portal-summary.ts'
import { chooseFamilyMember, expectTabs, openTab, patientIdIn } from './portal-tabs.ts'

// Desktop only (see playwright.config.ts), and the only file that signs in as Luis. What changes a
// password (forgot password) runs on a fresh family of its own: portal-forgot-password.spec.ts.

test('Luis sees only himself: his menu has no Family', async ({ page }) => {
  test.slow()
  await signInToPortal(page, LUIS, 'Luis Garcia')
  await patientMenu(page, 'Luis Garcia').click()
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible()
  await expect(page.getByRole('group', { name: 'Family' })).toHaveCount(0)
  await expect(page.getByRole('menuitemradio')).toHaveCount(0)
  await page.keyboard.press('Escape')
  await signOutFromMenu(page, 'Luis Garcia')
})

test('Luis reaches only his own records; the family account is Maria’s', async ({
  page,
  browser,
}) => {
  test.slow()
  // Sofia's address, as Maria (who represents her) sees it.
  const maria = await browser.newPage()
  await signInToPortal(maria, MARIA, 'Maria Garcia')
  await chooseFamilyMember(maria, 'Maria Garcia', 'Sofia Garcia')
  const sofiaId = patientIdIn(maria.url())
  await maria.close()

  await signInToPortal(page, LUIS, 'Luis Garcia')
  await expectTabs(page)
  await openTab(page, 'Account')
  await expect(
    page.getByText(/^This family account belongs to Maria Garcia, the guarantor/),
  ).toBeVisible()
  await expect(page.getByRole('table')).toHaveCount(0)
  await expectNoAxeViolations(page)
  await openTab(page, 'Plan', 'Treatment plans')
  await expect(page.getByRole('heading', { level: 3, name: 'Night guard' })).toBeVisible()

  // Sofia's pages and data are out of reach: the page falls back to his own, the API says 404.
  await page.goto(`/patients/${sofiaId}/plan`)
  await expect(page.getByRole('heading', { level: 1, name: 'Luis Garcia' })).toBeVisible()
  await expect(page.getByText('Sofia')).toHaveCount(0)
  for (const path of ['plans', 'appointments', 'account', 'documents']) {
    const answer = await page.request.get(`/api/portal/patients/${sofiaId}/${path}`)
    expect(answer.status(), path).toBe(404)
  }
})

test('Luis sees only his own care summaries, the ones Maria sees for him', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.slow()
  const origin = baseURL as string
  // Maria's own record and her view of Luis's summaries, through her session.
  const maria = await playwright.request.newContext({ baseURL })
  const signedIn = await maria.post(SESSION, { data: MARIA, headers: { Origin: origin } })
  expect(signedIn.status()).toBe(200)
  const family = ((await signedIn.json()) as { family: { id: number; firstName: string }[] }).family
  const mariaId = family.find((member) => member.firstName === 'Maria')?.id
  const luisId = family.find((member) => member.firstName === 'Luis')?.id
  type Listed = { summaries: { id: number; effectiveAt: string }[] }
  const idsOf = (view: Listed) => view.summaries.map((summary) => summary.id)
  const listAsMaria = async (patientId: number | undefined) =>
    (await (await maria.get(`/api/portal/patients/${patientId}/summaries`)).json()) as Listed
  const mariaSummary = (await listAsMaria(mariaId)).summaries[0]?.id
  expect(mariaSummary).toBeDefined()
  const before = idsOf(await listAsMaria(luisId))

  await signInToPortal(page, LUIS, 'Luis Garcia')
  expect(patientIdIn(page.url())).toBe(luisId)
  const [listed] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/patients/${luisId}/summaries`)),
    openTab(page, 'Summary', 'Care summaries'),
  ])
  const own = (await listed.json()) as Listed
  // No family to choose from: his own summaries only, the ones Maria sees for him (other files
  // may add one for him meanwhile, never take one away).
  await expect(familyList(page)).toHaveCount(0)
  const after = idsOf(await listAsMaria(luisId))
  await maria.dispose()
  expect(idsOf(own)).toEqual(expect.arrayContaining(before))
  expect(after).toEqual(expect.arrayContaining(idsOf(own)))
  await expect(summaryList(page, 'Luis Garcia').getByRole('article').first()).toHaveAccessibleName(
    `Care summary of ${summaryDate(own.summaries[0]?.effectiveAt ?? '')}`,
  )
  await expect(page.getByRole('region', { name: 'Activity history' })).toBeVisible()
  await expectNoAxeViolations(page)

  // Maria's summaries answer Luis as if they did not exist, and her page sends him home.
  for (const path of [
    'summaries',
    'summary-activity',
    `summaries/${mariaSummary}/html`,
    `summaries/${mariaSummary}/xml`,
    `summaries/${mariaSummary}/package`,
  ]) {
    const answer = await page.request.get(`/api/portal/patients/${mariaId}/${path}`)
    expect(answer.status(), path).toBe(404)
  }
  const transmit = await page.request.post(
    `/api/portal/patients/${mariaId}/summaries/${mariaSummary}/transmit`,
    { data: { to: 'luis@example.org', kind: 'email' }, headers: { Origin: origin } },
  )
  expect(transmit.status()).toBe(404)
  await page.goto(`/patients/${mariaId}/summary`)
  await expect(page).toHaveURL(new RegExp(`/patients/${luisId}$`))
  await expect(page.getByRole('heading', { level: 1, name: 'Luis Garcia' })).toBeVisible()
})
