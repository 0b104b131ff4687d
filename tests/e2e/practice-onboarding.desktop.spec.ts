import { expect, type Page, test } from '@playwright/test'
import {
  README_APPOINTMENT,
  README_PATIENT,
  README_STATEMENT,
  readmeStatementPdf,
} from '../../server/sync/readme-example.ts'
import { fillBirthdate } from './birthdate.ts'
import { expectNoAxeViolations } from './checks.ts'
import { fillLakesideOwner, fillLakesidePractice, signInAsLakesideOwner } from './lakeside.ts'
import { goToConsolePage } from './office-helpers.ts'
import { HASHING } from './portal.ts'
import { openTab } from './portal-tabs.ts'
import { productionServer } from './production-server.ts'

// Issue 12's "done when" in a browser, on a production start of its own (no demo, an empty
// database): setup link → practice and administrator → sync key → the README's curl calls →
// portal access → the patient signs in, sees, confirms → the PMS reads the event. Desktop only:
// the setup link and the one-time password work once. The same path without a browser, on both
// databases: server/sync/onboarding.test.ts.

const server = productionServer(60)
const PATIENT_NAME = `${README_PATIENT.body.firstName} ${README_PATIENT.body.lastName}`

test.beforeAll(() => server.start())
test.afterAll(() => server.stop())

async function setUpPractice(page: Page) {
  await page.goto(await server.setupLink())
  await fillLakesidePractice(page)
  await fillLakesideOwner(page)
  await page.getByRole('button', { name: 'Set up the practice' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Lakeside Dental is set up' }),
  ).toBeVisible(HASHING)
}

async function officeSignIn(page: Page) {
  await page.goto(`${server.origin}/office/`)
  await signInAsLakesideOwner(page)
}

/** The Sync API keys page: the key is shown once. */
async function createSyncKey(page: Page) {
  await goToConsolePage(page, 'Sync API keys')
  const create = page.getByRole('region', { name: 'Create a key' })
  await create.getByRole('textbox', { name: 'Key name' }).fill('Open Dental')
  await create.getByRole('button', { name: 'Create key' }).click()
  const shown = page.getByRole('region', { name: 'New key: Open Dental' }).locator('dd')
  await expect(shown).toHaveText(/^bw_\S+$/)
  return ((await shown.textContent()) ?? '').trim()
}

/** Patient Portal Access: find the patient, provide access, read the one-time password. */
async function giveAccess(page: Page) {
  await goToConsolePage(page, 'Patient Portal Access')
  const search = page.getByRole('search', { name: 'Find a patient' })
  await search.getByRole('textbox', { name: 'Name' }).fill(PATIENT_NAME)
  await fillBirthdate(search, README_PATIENT.body.birthdate)
  await search.getByRole('button', { name: 'Search' }).click()
  const listed = `${README_PATIENT.body.lastName}, ${README_PATIENT.body.firstName}`
  await page.getByRole('link', { name: listed }).click()
  const panel = page.getByRole('region', { name: PATIENT_NAME })
  await panel.getByRole('button', { name: 'Provide online access' }).click()
  const card = page.getByRole('region', {
    name: `Sign-in details for ${README_PATIENT.body.firstName}`,
  })
  const values = card.getByRole('definition')
  await expect(values).toHaveCount(2, HASHING)
  const [username, password] = (await values.allTextContents()).map((text) => text.trim())
  return { username: username ?? '', password: password ?? '' }
}

test('a new practice is set up, fed by its PMS, and a patient confirms what it sent', async ({
  page,
  browser,
  playwright,
}) => {
  test.setTimeout(240_000)
  await setUpPractice(page)
  await officeSignIn(page)
  const key = await createSyncKey(page)

  // The PMS: exactly the README's curl calls (server/sync/readme-example.ts).
  const pms = await playwright.request.newContext({
    baseURL: server.origin,
    extraHTTPHeaders: { Authorization: `Bearer ${key}` },
  })
  const pdf = await readmeStatementPdf()
  const puts = [
    ['patients', README_PATIENT.externalId, README_PATIENT.body],
    ['appointments', README_APPOINTMENT.externalId, README_APPOINTMENT.body],
    [
      'statements',
      README_STATEMENT.externalId,
      { ...README_STATEMENT.body, pdf: pdf.toString('base64') },
    ],
  ] as const
  for (const [collection, externalId, body] of puts) {
    const answer = await pms.put(`/api/sync/v1/${collection}/${externalId}`, {
      headers: { 'Content-Type': 'application/json' },
      data: JSON.stringify(body),
    })
    expect(answer.ok(), `${collection}: ${await answer.text()}`).toBe(true)
  }

  const credentials = await giveAccess(page)

  // The patient, in a browser of their own: first sign-in, then the PMS's rows in the portal.
  const patientContext = await browser.newContext({ baseURL: server.origin })
  const portal = await patientContext.newPage()
  await portal.goto('/')
  await portal.getByRole('textbox', { name: 'User name' }).fill(credentials.username)
  await portal.getByLabel('Password', { exact: true }).fill(credentials.password)
  await portal.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(portal.getByRole('heading', { level: 1, name: 'Choose your password' })).toBeVisible(
    HASHING,
  )
  const chosen = 'Elm-street-maria-42'
  await portal.getByLabel('New password', { exact: true }).fill(chosen)
  await portal.getByLabel('New password again').fill(chosen)
  await portal.getByRole('button', { name: 'Save and continue' }).click()
  await expect(portal.getByRole('heading', { level: 1, name: PATIENT_NAME })).toBeVisible(HASHING)

  await openTab(portal, 'Account')
  const statements = portal.getByRole('region', { name: 'Statements' }).getByRole('table')
  await expect(statements.getByRole('row')).toHaveCount(2)
  await expect(statements).toContainText('$125.00')
  const view = statements.getByRole('link', { name: /^View statement of / })
  const opened = portal.waitForEvent('popup')
  const served = patientContext.waitForEvent('response', (r) =>
    /\/statements\/\d+\/pdf$/.test(r.url()),
  )
  await view.click()
  expect((await served).headers()['content-type']).toBe('application/pdf')
  await (await opened).close()
  // The file the patient downloads is the PMS's own, byte for byte.
  const download = statements.getByRole('link', { name: /^Download statement of / })
  const file = await portal.request.get((await download.getAttribute('href')) ?? '')
  expect((await file.body()).equals(pdf)).toBe(true)
  await expectNoAxeViolations(portal)

  await openTab(portal, 'Appointments')
  await portal.getByRole('button', { name: 'Confirm appointment' }).click()
  await expect(portal.getByRole('status').filter({ hasText: /is confirmed/ })).toBeVisible()
  await expectNoAxeViolations(portal)
  await patientContext.close()

  // The PMS reads what happened with its own ids, and acknowledges it.
  const feed = await (await pms.get('/api/sync/v1/events')).json()
  const types = feed.events.map((event: { type: string }) => event.type)
  // The office giving access is news to the PMS too, then the patient's confirmation.
  expect(types).toEqual(['portal_access.changed', 'appointment.confirmed'])
  const confirmed = feed.events.find(
    (event: { type: string }) => event.type === 'appointment.confirmed',
  )
  expect(confirmed.data).toMatchObject({
    appointmentExternalId: README_APPOINTMENT.externalId,
    patientExternalId: README_PATIENT.externalId,
  })
  const ack = await pms.post('/api/sync/v1/events/ack', {
    headers: { 'Content-Type': 'application/json' },
    data: { cursor: feed.next },
  })
  expect(await ack.json()).toEqual({ acknowledged: feed.events.length })
  await pms.dispose()
})
