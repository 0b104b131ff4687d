import { type APIRequestContext, test as base, expect, request } from '@playwright/test'
import { ADMIN } from './office-helpers.ts'

/**
 * A family of its own for each browser test that changes data, instead of sharing the demo's
 * Garcias (issue 11): pushed into the demo practice through the sync API with external ids no
 * other test uses, given portal access through the office API, and past the first sign-in, so a
 * test signs in as `family.guarantor` and finds exactly what it was given.
 *
 * Each worker signs in to the office API as the demo administrator once and makes its own sync
 * key. A family has a guarantor (with an upcoming visit awaiting confirmation), a spouse and a
 * child whom both parents represent; the child has a Web Sched recall of a recall type made for
 * the family (so no demo patient is offered its times) with one open time, unless the test shares
 * another family's recall type (`sharingRecallsOf`) to compete for the same time.
 */

export interface FreshFamily {
  tag: string
  guarantor: { username: string; password: string; name: string; id: number; email: string }
  spouse: { name: string }
  child: { name: string }
  /** The upcoming visit awaiting confirmation, and the child's recall. */
  appointmentExternalId: string
  recallTypeExternalId: string
  recallExternalId: string
  /** The open times the family's recall type offers that this family pushed (UTC, ISO). */
  openTimes: string[]
}

interface FamilyOptions {
  /** Use this family's recall type (and its open times) instead of making new ones. */
  sharingRecallsOf?: FreshFamily
}

/** Demo rows referenced by external id (server/demo/practice.ts numbers each table from 1). */
const DEMO_CLINIC = '1'
const DEMO_PROVIDER = '1'
const DAY = 86_400_000

/** A whole hour `days` ahead, in UTC, so it falls in the practice's open hours on any day. */
function hoursAhead(days: number, hourUtc: number): string {
  const at = new Date(Date.now() + days * DAY)
  at.setUTCHours(hourUtc, 0, 0, 0)
  return at.toISOString()
}

/** Letters only, for names (the office search and the portal show them). */
const letters = (n: number) =>
  n
    .toString(26)
    .split('')
    .map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 26)))
    .join('')

let made = 0

/** The guarantor's email address: the e2e mail server keeps what is sent to it (mail.ts). */
const emailOf = (tag: string) => `${tag}@example.test`

function familyOperations(tag: string, surname: string, options: FamilyOptions) {
  const id = (what: string) => `e2e-${tag}-${what}`
  const shared = options.sharingRecallsOf
  const recallType = shared?.recallTypeExternalId ?? id('recall-type')
  const openTimes = shared ? [] : [hoursAhead(3, 15), hoursAhead(3, 16)]
  const put = (collection: string, externalId: string, body: object) => ({
    op: 'put',
    collection,
    externalId,
    body,
  })
  const address = { address1: '40 Fresh Lane', city: 'Springfield' }
  const operations = [
    ...(shared
      ? []
      : [
          put('recall-types', recallType, {
            description: `Checkup ${surname}`,
            intervalMonths: 6,
            lengthMinutes: 60,
          }),
        ]),
    ...openTimes.map((startsAt, index) =>
      put('web-sched-open-times', id(`open-${index}`), {
        clinicExternalId: DEMO_CLINIC,
        providerExternalId: DEMO_PROVIDER,
        recallTypeExternalId: recallType,
        startsAt,
        lengthMinutes: 60,
      }),
    ),
    put('patients', id('guarantor'), {
      firstName: 'Dana',
      lastName: surname,
      birthdate: '1980-04-12',
      status: 'Patient',
      email: emailOf(tag),
      ...address,
      guarantorExternalId: id('guarantor'),
    }),
    put('patients', id('spouse'), {
      firstName: 'Robin',
      lastName: surname,
      birthdate: '1979-09-30',
      status: 'Patient',
      ...address,
      guarantorExternalId: id('guarantor'),
      relationshipToGuarantor: 'Spouse',
      representatives: [{ patientExternalId: id('guarantor'), relationship: 'Spouse' }],
    }),
    put('patients', id('child'), {
      firstName: 'Kit',
      lastName: surname,
      birthdate: '2017-02-14',
      status: 'Patient',
      ...address,
      guarantorExternalId: id('guarantor'),
      relationshipToGuarantor: 'Child',
      representatives: [
        { patientExternalId: id('guarantor'), relationship: 'Parent' },
        { patientExternalId: id('spouse'), relationship: 'Parent' },
      ],
    }),
    put('appointments', id('visit'), {
      patientExternalId: id('guarantor'),
      clinicExternalId: DEMO_CLINIC,
      providerExternalId: DEMO_PROVIDER,
      startsAt: hoursAhead(10, 15),
      lengthMinutes: 60,
      status: 'Scheduled',
      confirmation: 'AwaitingConfirmation',
      procedureDescription: 'Cleaning and exam',
    }),
    put('recalls', id('recall'), {
      patientExternalId: id('child'),
      recallTypeExternalId: recallType,
      dateDue: new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10),
      status: 'Invited',
      invitedAt: new Date().toISOString(),
      webSchedEnabled: true,
    }),
  ]
  return {
    operations,
    ids: {
      appointmentExternalId: id('visit'),
      recallTypeExternalId: recallType,
      recallExternalId: id('recall'),
      openTimes: shared ? shared.openTimes : openTimes,
    },
  }
}

/** The answer's JSON, after checking it succeeded (the failure says what and why). */
async function ok<T = unknown>(
  answer: Awaited<ReturnType<APIRequestContext['get']>>,
  what: string,
): Promise<T> {
  expect(answer.ok(), `${what}: ${answer.status()} ${await answer.text()}`).toBe(true)
  return (await answer.json()) as T
}

/** The office (signed in as the demo administrator) and a sync key, once per worker. */
async function workerClients(baseURL: string, workerIndex: number) {
  const office = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } })
  await ok(
    await office.post('/api/office/session', {
      data: { username: ADMIN.username, password: ADMIN.password },
    }),
    'office sign-in',
  )
  const created = await ok<{ key: string }>(
    await office.post('/api/office/sync-keys', {
      data: { name: `Browser tests, worker ${workerIndex} (${Date.now()})` },
    }),
    'sync key',
  )
  const sync = await request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${created.key}` },
  })
  return { office, sync }
}

async function makeFamily(
  baseURL: string,
  { office, sync }: Awaited<ReturnType<typeof workerClients>>,
  workerIndex: number,
  options: FamilyOptions,
): Promise<FreshFamily> {
  made += 1
  const tag = `w${workerIndex}-${Date.now().toString(36)}-${made}`
  const surname = `Fresh${letters(Date.now() % 1e9)}${letters(workerIndex * 100 + made)}`
  const { operations, ids } = familyOperations(tag, surname, options)
  await ok(await sync.post('/api/sync/v1/batch', { data: { operations } }), 'family batch')

  // The office gives the guarantor access (found by the family's own surname).
  const found = await ok<{ id: number; firstName: string }[]>(
    await office.post('/api/office/patients/search', { data: { name: `Dana ${surname}` } }),
    'search',
  )
  const guarantor = found.find((row) => row.firstName === 'Dana')
  if (!guarantor) throw new Error(`The office does not find Dana ${surname}`)
  const issued = await ok<{ username: string; oneTimePassword: string }>(
    await office.post(`/api/office/patients/${guarantor.id}/access`, { data: {} }),
    'access',
  )

  // The first sign-in, done: the test's own sign-in lands on the family's records.
  const password = `Fresh-family-${tag}`
  const portal = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } })
  await ok(
    await portal.post('/api/portal/session', {
      data: { username: issued.username, password: issued.oneTimePassword },
    }),
    'first sign-in',
  )
  await ok(
    await portal.post('/api/portal/first-sign-in', {
      data: { newPassword: password, newPasswordAgain: password },
    }),
    'new password',
  )
  await portal.dispose()

  return {
    tag,
    guarantor: {
      username: issued.username,
      password,
      name: `Dana ${surname}`,
      id: guarantor.id,
      email: emailOf(tag),
    },
    spouse: { name: `Robin ${surname}` },
    child: { name: `Kit ${surname}` },
    ...ids,
  }
}

export const test = base.extend<
  { freshFamily: (options?: FamilyOptions) => Promise<FreshFamily> },
  { familyClients: Awaited<ReturnType<typeof workerClients>> }
>({
  familyClients: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's needs from it
    async ({}, use, workerInfo) => {
      const clients = await workerClients(
        baseUrlOf(workerInfo.project.use.baseURL),
        workerInfo.workerIndex,
      )
      await use(clients)
      await clients.office.dispose()
      await clients.sync.dispose()
    },
    { scope: 'worker' },
  ],
  freshFamily: async ({ familyClients, baseURL }, use, testInfo) => {
    await use((options = {}) =>
      makeFamily(baseUrlOf(baseURL), familyClients, testInfo.workerIndex, options),
    )
  },
})

/** The events of `type` the PMS's sync feed holds for this family (payment.made, …). */
export async function familyEventsInFeed(
  sync: APIRequestContext,
  family: FreshFamily,
  type: string,
) {
  const feed = await (await sync.get('/api/sync/v1/events?limit=1000')).json()
  return feed.events.filter(
    (event: { type: string; data: { guarantorExternalId: string } }) =>
      event.type === type && event.data.guarantorExternalId === `e2e-${family.tag}-guarantor`,
  )
}

function baseUrlOf(configured: string | undefined): string {
  if (!configured)
    throw new Error('The fresh-family fixture needs a baseURL (playwright.config.ts)')
  return configured
}

export { expect }
