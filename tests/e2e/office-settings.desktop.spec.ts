import type { APIRequestContext, Page } from '@playwright/test'
import type { Contact, Settings } from '../../web/office/settings/settings-api.ts'
import { expectNoAxeViolations } from './checks.ts'
import { expect, type FreshFamily, test } from './fresh-family.ts'
import { openPortalSettings } from './office-helpers.ts'
import { SESSION } from './portal.ts'

// Desktop only (see playwright.config.ts): these tests change the demo practice's settings and
// put every one of them back, in `finally`, even when a check fails. Tests in a file run in order.

const SETTINGS = '/api/office/settings'

/** The saved settings, read with the signed-in administrator's session. */
async function savedSettings(page: Page): Promise<Settings> {
  const answer = await page.request.get(SETTINGS)
  expect(answer.ok()).toBe(true)
  return (await answer.json()) as Settings
}

/** Puts the portal settings back as they were (features, time-out, texts). */
async function restoreSettings(page: Page, before: Settings) {
  const answer = await page.request.put(SETTINGS, {
    data: {
      features: before.features,
      idleTimeoutMinutes: before.idleTimeoutMinutes,
      verifyPersonalInfo: before.verifyPersonalInfo,
      privacyPolicy: before.privacyPolicy,
      webmailNotificationSubject: before.webmailNotificationSubject,
      webmailNotificationBody: before.webmailNotificationBody,
    },
  })
  expect(answer.ok()).toBe(true)
}

async function restoreClinic(page: Page, clinic: Contact) {
  const { id, name: _name, ...body } = clinic
  const answer = await page.request.put(`${SETTINGS}/clinics/${id}`, { data: body })
  expect(answer.ok()).toBe(true)
}

/**
 * A fresh family's guarantor signed in to the portal through the API, as her browser would (with
 * its Origin): she watches what the settings change, and no other test signs in as her.
 */
async function portalAsGuarantor(
  playwright: {
    request: { newContext: (options: { baseURL: string }) => Promise<APIRequestContext> }
  },
  baseURL: string,
  { guarantor }: FreshFamily,
) {
  const patient = await playwright.request.newContext({ baseURL })
  const signIn = await patient.post(SESSION, {
    data: { username: guarantor.username, password: guarantor.password },
    headers: { Origin: baseURL },
  })
  expect(signIn.ok()).toBe(true)
  return patient
}

async function patientSees(patient: APIRequestContext) {
  const session = await patient.get(SESSION)
  expect(session.ok()).toBe(true)
  const view = (await session.json()) as {
    features: string[]
    family: { id: number; self: boolean }[]
  }
  const self = view.family.find((member) => member.self)
  expect(self).toBeDefined()
  const documents = await patient.get(`/api/portal/patients/${self?.id}/documents`)
  return { features: view.features, documentsStatus: documents.status() }
}

test('switching Images off hides them from the patient at once, and back on', async ({
  page,
  playwright,
  baseURL,
  freshFamily,
}) => {
  const origin = baseURL as string
  const patient = await portalAsGuarantor(playwright, origin, await freshFamily())
  await openPortalSettings(page)
  const before = await savedSettings(page)
  expect(before.features.images).toBe(true)
  expect(await patientSees(patient)).toEqual({
    features: expect.arrayContaining(['images']),
    documentsStatus: 200,
  })

  const features = page.getByRole('region', { name: 'Features patients get' })
  const images = features.getByRole('switch', { name: 'Images' })
  const save = features.getByRole('button', { name: 'Save features' })
  try {
    await expect(images).toBeChecked()
    await expect(
      features.getByRole('switch', { name: 'Make payments' }),
    ).toHaveAccessibleDescription(/card processor/i)
    // As with a mouse: the switch's visible label.
    await features.getByText('Images', { exact: true }).click()
    await expect(images).not.toBeChecked()
    await expect(features.getByText('Unsaved changes')).toBeVisible()
    await save.click()
    await expect(features.getByRole('status')).toHaveText(/^Features saved\./)
    await expect(features.getByText('Unsaved changes')).toHaveCount(0)

    // The patient's very next requests: no Images tab, and its API refuses.
    const off = await patientSees(patient)
    expect(off.features).not.toContain('images')
    expect(off.documentsStatus).toBe(403)
    expect((await savedSettings(page)).features).toEqual({ ...before.features, images: false })

    // And with the keyboard.
    await images.press('Space')
    await expect(images).toBeChecked()
    await save.click()
    await expect(features.getByRole('status')).toHaveText(/^Features saved\./)
    expect(await patientSees(patient)).toEqual({
      features: expect.arrayContaining(['images']),
      documentsStatus: 200,
    })
  } finally {
    await restoreSettings(page, before)
    await patient.delete(SESSION, { headers: { Origin: origin } })
    await patient.dispose()
  }
  expect((await savedSettings(page)).features).toEqual(before.features)
})

test('an idle time-out of 0 is refused at the field and changes nothing', async ({ page }) => {
  // Runs axe over the whole (long) page.
  test.slow()
  await openPortalSettings(page)
  const before = await savedSettings(page)
  const security = page.getByRole('region', { name: 'Sign-in and security' })
  const minutes = security.getByRole('textbox', { name: 'Idle time-out (minutes)' })
  try {
    await expect(minutes).toHaveValue(String(before.idleTimeoutMinutes))
    await minutes.fill('0')
    await security.getByRole('button', { name: 'Save sign-in and security' }).click()
    await expect(minutes).toHaveAttribute('aria-invalid', 'true')
    await expect(minutes).toHaveAccessibleDescription(/from 1 to 720/)
    await expect(minutes).toBeFocused()
    await expect(security.getByRole('alert')).toHaveText(/Not saved/)
    await expect(security.getByText('Unsaved changes')).toBeVisible()
    await expectNoAxeViolations(page)
    expect((await savedSettings(page)).idleTimeoutMinutes).toBe(before.idleTimeoutMinutes)

    // The edit stays in the form until it is saved or the page is left.
    await page.reload()
    await expect(minutes).toHaveValue(String(before.idleTimeoutMinutes))
    await expect(minutes).not.toHaveAttribute('aria-invalid', 'true')
  } finally {
    const after = await savedSettings(page)
    if (after.idleTimeoutMinutes !== before.idleTimeoutMinutes) await restoreSettings(page, before)
  }
})

test("a clinic's opening hours: a wrong range is marked, a right one round-trips", async ({
  page,
}) => {
  await openPortalSettings(page)
  const before = await savedSettings(page)
  // The clinic closed on Sundays, so nothing a patient is shown today changes meanwhile.
  const clinic = before.clinics.find((candidate) =>
    candidate.hours.every((slot) => slot.weekday !== 0),
  )
  if (!clinic) throw new Error('The demo should have a clinic closed on Sundays.')
  const section = page.getByRole('region', { name: `Clinic: ${clinic.name}` })
  const sunday = section.getByRole('group', { name: 'Sunday' })
  const save = section.getByRole('button', { name: `Save details for ${clinic.name}` })
  try {
    await expect(sunday.getByText('Closed')).toBeVisible()
    await sunday.getByRole('button', { name: 'Add hours on Sunday' }).click()
    const opens = sunday.getByLabel('Opens')
    const closes = sunday.getByLabel('Closes')
    await expect(opens).toBeFocused()
    await expect(opens).toHaveValue('09:00')
    await opens.fill('10:00')
    await closes.fill('09:30')
    await save.click()
    await expect(closes).toHaveAttribute('aria-invalid', 'true')
    await expect(closes).toHaveAccessibleDescription('Closing time must be after opening time.')
    await expect(section.getByRole('alert')).toHaveText(/Not saved/)
    expect((await savedSettings(page)).clinics.find((c) => c.id === clinic.id)?.hours).toEqual(
      clinic.hours,
    )

    await closes.fill('11:30')
    await expect(closes).not.toHaveAttribute('aria-invalid', 'true')
    await save.click()
    await expect(section.getByRole('status')).toHaveText(
      `Contact details and hours for ${clinic.name} saved. Patients see them on their next page.`,
    )
    const saved = (await savedSettings(page)).clinics.find((c) => c.id === clinic.id)
    expect(saved?.hours).toContainEqual({ weekday: 0, opens: '10:00', closes: '11:30' })
    expect(saved?.hours).toHaveLength(clinic.hours.length + 1)

    await page.reload()
    await expect(sunday.getByLabel('Opens')).toHaveValue('10:00')
    await expect(sunday.getByLabel('Closes')).toHaveValue('11:30')

    await sunday.getByRole('button', { name: 'Remove Sunday hours' }).click()
    await expect(sunday.getByRole('button', { name: 'Add hours on Sunday' })).toBeFocused()
    await expect(sunday.getByText('Closed')).toBeVisible()
    await save.click()
    await expect(section.getByRole('status')).toHaveText(/saved/)
    const restored = (await savedSettings(page)).clinics.find((c) => c.id === clinic.id)
    expect(restored?.hours).toEqual(clinic.hours)
  } finally {
    const after = (await savedSettings(page)).clinics.find((c) => c.id === clinic.id)
    if (JSON.stringify(after) !== JSON.stringify(clinic)) await restoreClinic(page, clinic)
  }
})
