import fs from 'node:fs/promises'
import { expectUsablePage } from './checks.ts'
import { expect, test } from './fresh-family.ts'
import { auditEventsOf, signInToOffice } from './office-helpers.ts'

test('the administrator filters the audit log to one patient and downloads it as CSV', async ({
  page,
  freshFamily,
}) => {
  test.slow()
  const { guarantor } = await freshFamily()
  await signInToOffice(page)
  const events = await auditEventsOf(page, guarantor.name)
  await expect(events.filter({ hasText: 'access.granted' })).toHaveCount(1)
  const count = await events.count()
  for (let index = 0; index < count; index += 1) {
    await expect(events.nth(index)).toContainText(guarantor.name)
  }
  await expectUsablePage(page)

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download CSV' }).click()
  const file = await (await download).path()
  const csv = await fs.readFile(file, 'utf8')
  expect(csv.split('\r\n')[0]).toMatch(/^When \(UTC\),Who,User name,/)
  expect(csv).toContain('access.granted')
  expect(csv).toContain(guarantor.name)

  // Reading the log is itself in the log.
  await page.getByRole('textbox', { name: 'Patient' }).fill('')
  await page.getByRole('textbox', { name: 'Action' }).fill('audit_log.')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(events.filter({ hasText: 'audit_log.exported' }).first()).toBeVisible()
  await expect(events.filter({ hasText: 'audit_log.viewed' }).first()).toBeVisible()
})
