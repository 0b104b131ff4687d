import { expect, test } from '@playwright/test'
import { MARIA, signInToPortal } from './portal.ts'
import { chooseFamilyMember, numericDate, openTab, patientIdIn } from './portal-tabs.ts'

// The server answers slowly while other test files share it; each test does several page loads.
test.describe.configure({ timeout: 90_000 })

// Every date comes from one module, in the browser's language: the same page in three locales.

for (const locale of ['en-US', 'en-CA', 'de-DE'] as const) {
  test.describe(`dates in ${locale}`, () => {
    test.use({ locale })

    test(`statement, payment and plan dates read as ${locale} writes them`, async ({ page }) => {
      await signInToPortal(page, MARIA, 'Maria Garcia')
      const id = patientIdIn(page.url())
      const account = (await (
        await page.request.get(`/api/portal/patients/${id}/account`)
      ).json()) as { balance: { statementDate: string }; statements: { date: string }[] }
      await openTab(page, 'Account')
      const latest = numericDate(account.balance.statementDate, locale)
      await expect(page.getByText(`Balance on your statement of ${latest}:`)).toBeVisible()
      const first = account.statements[0]?.date ?? ''
      await expect(
        page.getByRole('region', { name: 'Statements' }).getByRole('rowheader').first(),
      ).toHaveText(`Statement of ${numericDate(first, locale)}`)

      await chooseFamilyMember(page, 'Maria Garcia', 'Luis Garcia')
      const luis = patientIdIn(page.url())
      const plans = (await (
        await page.request.get(`/api/portal/patients/${luis}/plans`)
      ).json()) as { plans: { heading: string; date: string }[] }
      await openTab(page, 'Plan', 'Treatment plans')
      for (const plan of plans.plans) {
        await expect(
          page.getByRole('region', { name: plan.heading, exact: true }).getByText(/^Saved /),
        ).toHaveText(`Saved ${numericDate(plan.date, locale)}`)
      }
    })
  })
}

test.describe('appointment times in the clinic’s zone', () => {
  // A browser in Tokyo still reads the Minnesota clinic's wall clock.
  test.use({ locale: 'de-DE', timezoneId: 'Asia/Tokyo' })

  test('Luis’s crown is at 14:00 on the clinic’s day', async ({ page }) => {
    await signInToPortal(page, MARIA, 'Maria Garcia')
    await chooseFamilyMember(page, 'Maria Garcia', 'Luis Garcia')
    const id = patientIdIn(page.url())
    const view = (await (
      await page.request.get(`/api/portal/patients/${id}/appointments`)
    ).json()) as { upcoming: { startsAt: string; procedures: { code: string }[] }[] }
    const crown = view.upcoming.find((item) => item.procedures.some((p) => p.code === 'D2740'))
    // The clinic's calendar day, worked out from the instant without the app's module.
    const chicago = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/Chicago',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(crown?.startsAt ?? ''))
    // Luis has other visits too (the one awaiting confirmation is listed here as well).
    await expect(
      page
        .getByRole('region', { name: 'Upcoming' })
        .getByRole('heading', { level: 4 })
        .filter({ hasText: `${numericDate(chicago, 'de-DE')}, 14:00` }),
    ).toHaveCount(1)
  })
})
