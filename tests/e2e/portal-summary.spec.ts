import { expect, type Page, test } from '@playwright/test'
import { unzipSync } from 'fflate'
import { validateCcd } from '../../server/ccd/validate.ts'
import { XDM_ENTRIES } from '../../server/portal/summary/package.ts'
import { expectNoAxeViolations, expectNoHorizontalOverflow } from './checks.ts'
import { attachment, header, mailCountTo, mailTo, textBody } from './mail.ts'
import { MARIA, patientMenu, SESSION, signInToPortal } from './portal.ts'
import {
  activityTable,
  createCurrentSummary,
  downloadFrom,
  familyList,
  oldestSummary,
  summaryList,
  uniqueAddress,
} from './portal-summary.ts'
import {
  chooseFamilyMember,
  GARCIAS,
  type Garcia,
  openTab,
  patientIdIn,
  tabBar,
} from './portal-tabs.ts'

// Each test signs in, builds a summary and renders it several times on a shared server. Only
// Maria signs in here (Luis's summaries as Luis: portal-luis.desktop.spec.ts).
test.describe.configure({ timeout: 120_000 })

async function checkPage(page: Page, options: { exclude?: string } = {}) {
  await expectNoAxeViolations(page, options)
  await expectNoHorizontalOverflow(page)
}

/** The summary's own page, audited where axe can run in it: opened by itself in a tab. */
async function checkSummaryDocument(page: Page, url: string) {
  const tab = await page.context().newPage()
  await tab.goto(url)
  await expect(tab.getByRole('navigation', { name: 'Contents' })).toBeVisible()
  await checkPage(tab)
  await tab.close()
}

/** Opens Maria's Summary tab, then shows `who`'s summaries the way a person would. */
async function openSummariesOf(page: Page, who: Garcia) {
  await signInToPortal(page, MARIA, 'Maria Garcia')
  await openTab(page, 'Summary', 'Care summaries')
  // Everyone Maria represents, in the header's Family menu order, Maria highlighted.
  const names = ['Maria Garcia', 'Luis Garcia', 'Mateo Garcia, Archived', 'Sofia Garcia']
  const links = familyList(page).getByRole('link')
  await expect(links).toHaveCount(names.length)
  for (const [index, name] of names.entries()) {
    await expect(links.nth(index)).toHaveAccessibleName(name)
  }
  await expect(familyList(page).getByRole('link', { name: 'Maria Garcia' })).toHaveAttribute(
    'aria-current',
    'page',
  )
  if (who === 'Maria Garcia') return
  if (who === 'Sofia Garcia') {
    // The header's Family menu keeps the tab open and the list follows it.
    await chooseFamilyMember(page, 'Maria Garcia', who)
  } else {
    await familyList(page)
      .getByRole('link', { name: new RegExp(`^${who}`) })
      .click()
    await expect(page.getByRole('heading', { level: 1, name: who })).toBeVisible()
    await expect(patientMenu(page, who)).toBeVisible()
  }
  await expect(page).toHaveURL(/\/patients\/\d+\/summary$/)
  await expect(familyList(page).getByRole('link', { name: new RegExp(`^${who}`) })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await expect(familyList(page).locator('[aria-current="page"]')).toHaveCount(1)
}

for (const who of GARCIAS) {
  test(`${who}: view with working contents, download, transmit, and the history shows it`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000)
    const startedAt = new Date(Date.now() - 1000).toISOString()
    await openSummariesOf(page, who)
    const list = summaryList(page, who)
    // The demo made one summary for each Garcia.
    await expect(list.getByRole('article').first()).toBeVisible()
    await checkPage(page)

    // At desktop size a new current summary (first, newest first); at phone size the demo's own
    // (the oldest, last), so the two sizes, running side by side, never pick each other's.
    const desktop = testInfo.project.name === 'desktop'
    const summary = desktop ? await createCurrentSummary(page) : await oldestSummary(page)
    const card = desktop ? list.getByRole('article').first() : list.getByRole('article').last()
    await expect(card).toHaveAccessibleName(`Care summary of ${summary.date}`)
    await expect(card).toContainText('Requested')

    // View: the readable page in a sandboxed frame; a contents link jumps to its section.
    await card.getByRole('button', { name: 'View' }).click()
    const viewer = page.getByRole('dialog', { name: `Care summary of ${summary.date}` })
    const frameElement = viewer.locator('iframe')
    await expect(frameElement).toHaveAttribute(
      'title',
      `Care summary of ${summary.date} for ${who}`,
    )
    await expect(frameElement).toHaveAttribute('sandbox', 'allow-same-origin')
    const frame = viewer.frameLocator('iframe')
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Continuity of Care Document')
    await expect(frame.getByText(who.split(' ')[0] ?? who).first()).toBeVisible()
    const contents = frame.getByRole('navigation', { name: 'Contents' })
    const links = contents.getByRole('link')
    await expect(links).not.toHaveCount(0)
    // A section in the middle: below the first screen, with more document after it.
    const link = links.nth(Math.floor((await links.count()) / 2))
    const target = ((await link.getAttribute('href')) ?? '').replace(/^#/, '')
    expect(target).toMatch(/^section-/)
    if (who === 'Luis Garcia') {
      await link.focus()
      await link.press('Enter')
    } else {
      await link.click()
    }
    const inFrame = page.frame({ url: /\/summaries\/\d+\/html/ })
    expect(inFrame).not.toBeNull()
    await expect
      .poll(() =>
        inFrame?.evaluate((id) => {
          const section = document.getElementById(id)
          const top = Math.round(section?.getBoundingClientRect().top ?? -1)
          const atEnd = scrollY + innerHeight >= document.documentElement.scrollHeight - 1
          return {
            hash: location.hash,
            target: document.querySelector(':target')?.id,
            scrolled: scrollY > 0,
            // The frame scrolled the section to its top (or as far as the document goes).
            sectionAtTop: top === 0 || (atEnd && top > 0 && top < innerHeight),
          }
        }, target),
      )
      .toEqual({ hash: `#${target}`, target, scrolled: true, sectionAtTop: true })
    await expect(frame.locator(`#${target}`).getByRole('heading', { level: 2 })).toBeInViewport()
    const documentUrl = inFrame?.url().replace(/#.*$/, '') ?? ''
    // The frame's document is audited by itself at the end (axe cannot run inside the sandbox).
    await checkPage(page, { exclude: '.summary-frame' })
    await viewer.getByRole('button', { name: 'Close' }).click()
    await expect(viewer).toHaveCount(0)

    // Download: the XDM zip (XML, HTML and PDF with the index) and the XML alone.
    const zip = await downloadFrom(page, card.getByRole('button', { name: 'Download (zip)' }))
    expect(zip.name).toMatch(/^care-summary-\d{4}-\d{2}-\d{2}\.zip$/)
    const entries = unzipSync(new Uint8Array(zip.body))
    for (const entry of Object.values(XDM_ENTRIES)) expect(Object.keys(entries)).toContain(entry)
    const xml = await downloadFrom(page, card.getByRole('button', { name: 'Download XML' }))
    expect(xml.name).toBe(zip.name.replace(/\.zip$/, '.xml'))
    expect(Buffer.from(entries[XDM_ENTRIES.xml] ?? []).equals(xml.body)).toBe(true)
    expect(Buffer.from(entries[XDM_ENTRIES.html] ?? []).toString()).toContain(
      '<nav aria-label="Contents">',
    )
    expect(
      Buffer.from(entries[XDM_ENTRIES.pdf] ?? [])
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
    const validation = await validateCcd(xml.body.toString('utf8'))
    expect(validation.errors).toEqual([])
    expect(validation.valid).toBe(true)
    await expect(
      page.getByRole('status').filter({ hasText: `Downloaded ${xml.name}.` }),
    ).toBeVisible()

    // Transmit: Sofia's goes to a Direct address (the Direct relay), the others' by email.
    const direct = who === 'Sofia Garcia'
    const to = uniqueAddress(direct ? 'dr.lee' : 'dentist', testInfo.project.name, who)
    await card.getByRole('button', { name: 'Transmit' }).click()
    const dialog = page.getByRole('dialog', { name: 'Transmit care summary' })
    await expect(dialog.getByRole('radio', { name: 'An email address' })).toBeChecked()
    if (direct) await dialog.getByText('A Direct address').click()
    await expect(dialog.getByRole('radio', { name: /^A Direct address/ })).toBeChecked({
      checked: direct,
    })
    await dialog
      .getByRole('textbox', { name: direct ? 'Direct address' : 'Email address' })
      .fill(to)
    await dialog.getByRole('button', { name: 'Continue' }).click()
    // The recipient is confirmed before anything is sent.
    await expect(dialog.getByText(to, { exact: true })).toBeVisible()
    // Focus is on Send, which reads the address out to a screen reader too.
    const send = dialog.getByRole('button', { name: 'Send' })
    await expect(send).toBeFocused()
    await expect(send).toHaveAccessibleDescription(
      `The care summary will be sent to this ${direct ? 'Direct address' : 'email address'}: ${to}`,
    )
    expect(mailCountTo(to, direct ? 'direct' : 'smtp')).toBe(0)
    await checkPage(page)
    await send.click()
    await expect(dialog.getByRole('status')).toHaveText(`Sent to ${to}.`, { timeout: 15_000 })
    const mail = await mailTo(to, direct ? 'direct' : 'smtp')
    expect(mailCountTo(to, direct ? 'smtp' : 'direct')).toBe(0)
    expect(header(mail, 'Subject')).toBe('Care summary from Maple Grove Dental')
    // The email's own words hold no health information, not even whose summary it is.
    expect(textBody(mail)).not.toContain('Garcia')
    expect(attachment(mail, xml.name)?.equals(xml.body)).toBe(true)
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(dialog).toHaveCount(0)

    // The history shows the three acts on this summary, by Maria, without a reload.
    const history = activityTable(page)
    const rowsOf = (what: string) =>
      history.getByRole('row').filter({ hasText: what }).filter({ hasText: summary.date })
    await expect(rowsOf('Viewed').first()).toContainText('Maria Garcia')
    await expect(rowsOf('Downloaded (zip: XML, HTML and PDF)').first()).toBeVisible()
    await expect(rowsOf('Downloaded (XML)').first()).toBeVisible()
    const sent = history.getByRole('row').filter({ hasText: to })
    await expect(sent).toHaveCount(1)
    await expect(sent).toContainText(
      direct ? 'Transmitted to a Direct address' : 'Transmitted by email',
    )
    await expect(sent).toContainText('(Sent)')
    await expect(sent).toContainText(summary.date)
    // And the server's own record of them, by this summary's id.
    const patientId = patientIdIn(page.url())
    const events = (await (
      await page.request.get(`/api/portal/patients/${patientId}/summary-activity`)
    ).json()) as {
      events: {
        at: string
        kind: string
        summaryId: number
        format: string | null
        to: string | null
      }[]
    }
    const mine = events.events.filter(
      (event) => event.summaryId === summary.id && event.at >= startedAt,
    )
    expect(mine.map((event) => [event.kind, event.format ?? event.to]).sort()).toEqual(
      [
        ['downloaded', 'package'],
        ['downloaded', 'xml'],
        ['transmitted', to],
        ['viewed', null],
      ].sort(),
    )
    await checkPage(page)
    await checkSummaryDocument(page, documentUrl)
  })
}

test('a malformed address gets a field message and nothing is sent', async ({ page, baseURL }) => {
  await openSummariesOf(page, 'Maria Garcia')
  const sent: string[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/transmit')) sent.push(request.url())
  })
  await summaryList(page, 'Maria Garcia').getByRole('button', { name: 'Transmit' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Transmit care summary' })
  const field = dialog.getByRole('textbox', { name: 'Email address' })
  await field.fill('maria@example')
  await dialog.getByRole('button', { name: 'Continue' }).click()
  const message = 'Enter an email address like name@example.org.'
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription(message)
  await expect(dialog.getByText(message)).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Send' })).toHaveCount(0)
  await checkPage(page)

  await dialog.getByText('A Direct address').click()
  await expect(dialog.getByRole('radio', { name: /^A Direct address/ })).toBeChecked()
  const directField = dialog.getByRole('textbox', { name: 'Direct address' })
  await directField.fill('dr lee@direct')
  await dialog.getByRole('button', { name: 'Continue' }).click()
  await expect(directField).toHaveAccessibleDescription(
    /Enter a Direct address like name@example\.org\./,
  )
  expect(sent).toEqual([])

  // The server refuses the same address with the same words, as a field message.
  const summaries = await page.request.get(
    `/api/portal/patients/${patientIdIn(page.url())}/summaries`,
  )
  const [first] = ((await summaries.json()) as { summaries: { id: number }[] }).summaries
  const refused = await page.request.post(
    `/api/portal/patients/${patientIdIn(page.url())}/summaries/${first?.id}/transmit`,
    { data: { to: 'maria@example', kind: 'email' }, headers: { Origin: baseURL ?? '' } },
  )
  expect(refused.status()).toBe(400)
  expect((await refused.json()).errors).toEqual({ to: message })
})

/** Sends Maria's newest summary to an email address; returns the Transmit dialog, still open. */
async function transmitMariasSummaryTo(page: Page, to: string) {
  await openSummariesOf(page, 'Maria Garcia')
  await summaryList(page, 'Maria Garcia').getByRole('button', { name: 'Transmit' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Transmit care summary' })
  await dialog.getByRole('textbox', { name: 'Email address' }).fill(to)
  await dialog.getByRole('button', { name: 'Continue' }).click()
  await dialog.getByRole('button', { name: 'Send' }).click()
  return dialog
}

test('a recipient refused for now shows as pending with the reason while it is retried', async ({
  page,
}, testInfo) => {
  const to = uniqueAddress('busy', testInfo.project.name, 'Maria Garcia')
  const dialog = await transmitMariasSummaryTo(page, to)
  await expect(dialog.getByRole('status')).toContainText('Not sent yet:', { timeout: 15_000 })
  await expect(dialog.getByRole('status')).toContainText('Mailbox busy')
  await expect(dialog.getByRole('status')).toContainText('It will be tried again automatically')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(activityTable(page).getByRole('row').filter({ hasText: to })).toContainText(
    '(Pending)',
  )
  expect(mailCountTo(to)).toBe(0)
})

test('a recipient refused for good shows as not sent at once, and another address can be tried', async ({
  page,
}, testInfo) => {
  const to = uniqueAddress('reject', testInfo.project.name, 'Maria Garcia')
  const dialog = await transmitMariasSummaryTo(page, to)
  await expect(dialog.getByRole('status')).toContainText(`Could not be sent to ${to}`, {
    timeout: 15_000,
  })
  await expect(dialog.getByRole('status')).toContainText('Mailbox unavailable')
  await dialog.getByRole('button', { name: 'Try another address' }).click()
  await expect(dialog.getByRole('textbox', { name: 'Email address' })).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(activityTable(page).getByRole('row').filter({ hasText: to })).toContainText('Failed')
  expect(mailCountTo(to)).toBe(0)
})

test('Refresh reloads the summaries and their history', async ({ page }) => {
  await openSummariesOf(page, 'Maria Garcia')
  await expect(activityTable(page)).toBeVisible()
  await patientMenu(page, 'Maria Garcia').click()
  const [list, history] = await Promise.all([
    page.waitForResponse((r) => /\/patients\/\d+\/summaries$/.test(r.url())),
    page.waitForResponse((r) => /\/patients\/\d+\/summary-activity$/.test(r.url())),
    page.getByRole('menuitem', { name: 'Refresh' }).click(),
  ])
  expect([list.status(), history.status()]).toEqual([200, 200])
})

test('until the practice imports SNOMED CT and CVX, the tab says why there are none', async ({
  page,
}) => {
  // The answer the server gives a practice without the code systems (summary.test.ts checks it).
  await page.route('**/api/portal/patients/*/summaries', async (route) => {
    if (route.request().method() !== 'GET') return route.fallback()
    return route.fulfill({ json: { setUp: false, summaries: [] } })
  })
  await signInToPortal(page, MARIA, 'Maria Garcia')
  await openTab(page, 'Summary', 'Care summaries')
  await expect(page.getByText('Your dental office has not set up care summaries yet')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Create current summary' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'View' })).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Activity history' })).toHaveCount(0)
  await checkPage(page)
})

test('with care summaries switched off in Portal Settings the tab is gone', async ({ page }) => {
  // The session as the server sends it once Portal Settings turns Care summary off.
  await page.route(`**${SESSION}`, async (route) => {
    const response = await route.fetch()
    if (!response.ok()) return route.fulfill({ response })
    const body = await response.json()
    body.features = body.features.filter((feature: string) => feature !== 'summary')
    return route.fulfill({ response, json: body })
  })
  await signInToPortal(page, MARIA, 'Maria Garcia')
  await expect(tabBar(page).getByRole('link', { name: 'Summary' })).toHaveCount(0)
  await page.goto(`/patients/${patientIdIn(page.url())}/summary`)
  await expect(page.getByText('Summary is not offered in this portal.')).toBeVisible()
})
