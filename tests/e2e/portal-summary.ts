import fs from 'node:fs/promises'
import { type Download, expect, type Locator, type Page } from '@playwright/test'
import { type Garcia, patientIdIn } from './portal-tabs.ts'

/** The demo practice's zone (server/demo/practice.ts): summary dates are days on its wall. */
export const DEMO_TIME_ZONE = 'America/Chicago'

export const familyList = (page: Page) => page.getByRole('navigation', { name: 'Family members' })
export const activityTable = (page: Page) =>
  page.getByRole('region', { name: 'Activity history' }).getByRole('table')

/** The list of one person's summaries, named by their first name ("Sofia’s summaries"). */
export const summaryList = (page: Page, who: Garcia) =>
  page.getByRole('region', { name: `${who.split(' ')[0]}’s summaries` })

/** A summary's date as the page writes it in English (US), worked out here by hand. */
export function summaryDate(effectiveAt: string): string {
  const at = new Date(effectiveAt)
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-US', { timeZone: DEMO_TIME_ZONE, ...options }).format(at)
  const date = `${part({ month: '2-digit' })}/${part({ day: '2-digit' })}/${part({ year: 'numeric' })}`
  return `${date}, ${part({ hour: 'numeric', minute: '2-digit', second: '2-digit' })}`
}

/**
 * The open person's oldest summary (the demo's), shown in full: the list shows the newest
 * few until "Show all".
 */
export async function oldestSummary(page: Page) {
  const answer = await page.request.get(`/api/portal/patients/${patientIdIn(page.url())}/summaries`)
  const { summaries } = (await answer.json()) as {
    summaries: { id: number; effectiveAt: string; reason: string }[]
  }
  const oldest = summaries.at(-1)
  if (!oldest) throw new Error('The demo made no summary for this person')
  const showAll = page.getByRole('button', { name: /^Show all \d+ summaries$/ })
  if (await showAll.isVisible()) await showAll.click()
  return { ...oldest, date: summaryDate(oldest.effectiveAt) }
}

/** Creates a current summary and returns it as the server made it. */
export async function createCurrentSummary(page: Page) {
  const [answer] = await Promise.all([
    page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        /\/patients\/\d+\/summaries$/.test(response.url()),
    ),
    page.getByRole('button', { name: 'Create current summary' }).click(),
  ])
  expect(answer.status()).toBe(201)
  const created = (await answer.json()) as { id: number; effectiveAt: string; reason: string }
  const date = summaryDate(created.effectiveAt)
  await expect(
    page.getByRole('status').filter({ hasText: `A current care summary of ${date} was created.` }),
  ).toBeVisible()
  return { ...created, date }
}

/** Presses a download button and returns the file the browser saved. */
export async function downloadFrom(page: Page, button: Locator) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
  return { name: download.suggestedFilename(), body: await readDownload(download) }
}

async function readDownload(download: Download): Promise<Buffer> {
  const file = await download.path()
  return fs.readFile(file)
}

/** An address nobody else's test uses: the project, the person and a random part. */
export function uniqueAddress(local: string, project: string, who: string) {
  const person = who.split(' ')[0]?.toLowerCase()
  return `${local}.${person}.${project}.${Math.random().toString(36).slice(2, 8)}@example.org`
}
