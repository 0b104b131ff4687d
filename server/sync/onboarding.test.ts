import { expect, it } from 'vitest'
import { issueSetupLink } from '../office/setup/setup.ts'
import { setupBody, tokenOf } from '../office/setup/testing.ts'
import { totpCode } from '../platform/auth/second-factor/rules.ts'
import { describeEachDatabase } from '../platform/db/testing.ts'
import { browserPost, officeSignIn, portalSignIn, TEST_ORIGIN } from '../testing/http.ts'
import { useTestApp } from '../testing/suite.ts'
import {
  README_APPOINTMENT,
  README_PATIENT,
  README_STATEMENT,
  readmeStatementPdf,
} from './readme-example.ts'

/**
 * Issue 12's "done when", through HTTP without a browser (the browser test is
 * tests/e2e/practice-onboarding.desktop.spec.ts): an empty database is set up from its one-time
 * token, the administrator makes a sync key, the PMS pushes the README's patient, appointment
 * and statement, the office gives the patient portal access, the patient signs in, sees them and
 * confirms, and the PMS reads the confirmation from the feed with its own ids.
 */
describeEachDatabase('A practice onboarded through setup and the sync API', (kind) => {
  const suite = useTestApp(kind)

  const asOffice = (cookie: string) => (method: 'GET' | 'POST', url: string, payload?: object) =>
    suite.app.inject({ method, url, headers: { cookie, origin: TEST_ORIGIN }, payload })
  const asPms = (key: string) => (method: 'GET' | 'PUT' | 'POST', path: string, payload?: object) =>
    suite.app.inject({
      method,
      url: `/api/sync/v1/${path}`,
      headers: { authorization: `Bearer ${key}` },
      payload,
    })
  const asPatient = (cookie: string) => (method: 'GET' | 'POST', url: string, payload?: object) =>
    suite.app.inject({ method, url, headers: { cookie, origin: TEST_ORIGIN }, payload })

  it('goes from an empty database to the confirmation in the PMS feed', async () => {
    // First run: the link's token creates the practice and its administrator.
    const link = (await issueSetupLink(suite.db, TEST_ORIGIN)) ?? ''
    const setup = await suite.app.inject({
      method: 'POST',
      url: '/api/office/setup',
      headers: { origin: TEST_ORIGIN },
      payload: setupBody(tokenOf(link)),
    })
    expect(setup.statusCode).toBe(201)

    // The administrator makes a key; the whole key is in this answer only.
    const cookie = await officeSignIn(suite.app, 'owner', 'harbour street owner')
    // A new practice asks its administrator for a second factor before anything else.
    const started = await browserPost(suite.app, '/api/office/security/app', {}, cookie)
    const enrolled = await browserPost(
      suite.app,
      '/api/office/security/app/confirm',
      { code: totpCode(started.json().key) },
      cookie,
    )
    expect(enrolled.statusCode).toBe(200)
    const office = asOffice(cookie)
    const created = await office('POST', '/api/office/sync-keys', { name: 'Open Dental' })
    expect(created.statusCode).toBe(201)
    const key: string = created.json().key
    expect(key).toMatch(/^bw_/)
    expect((await office('GET', '/api/office/sync-keys')).body).not.toContain(key)

    // The PMS pushes the README's rows; each PUT sent twice answers the same.
    const pms = asPms(key)
    const pdf = await readmeStatementPdf()
    const puts: [string, string, object][] = [
      ['patients', README_PATIENT.externalId, README_PATIENT.body],
      ['appointments', README_APPOINTMENT.externalId, README_APPOINTMENT.body],
      [
        'statements',
        README_STATEMENT.externalId,
        { ...README_STATEMENT.body, pdf: pdf.toString('base64') },
      ],
    ]
    for (const [collection, externalId, body] of puts) {
      const first = await pms('PUT', `${collection}/${externalId}`, body)
      expect(first.statusCode, `${collection}: ${first.body}`).toBeLessThan(300)
      const again = await pms('PUT', `${collection}/${externalId}`, body)
      expect(again.statusCode).toBe(first.statusCode === 201 ? 200 : first.statusCode)
      expect(again.json()).toEqual(first.json())
    }

    // The office finds the patient and gives portal access: a one-time password, shown once.
    const found = await office('POST', '/api/office/patients/search', { name: 'Lopez' })
    const [patient] = found.json()
    expect(patient).toMatchObject({ firstName: 'Maria', lastName: 'Lopez', missing: [] })
    const granted = await office('POST', `/api/office/patients/${patient.id}/access`, {})
    expect(granted.statusCode).toBe(201)
    const { username, oneTimePassword } = granted.json()

    // The patient's first sign-in replaces the one-time password.
    const portal = asPatient(await portalSignIn(suite.app, username, oneTimePassword))
    const chosen = 'Elm-street-maria-42'
    const first = await portal('POST', '/api/portal/first-sign-in', {
      newPassword: chosen,
      newPasswordAgain: chosen,
    })
    expect(first.json()).toMatchObject({ stage: 'ready', practiceName: 'Lakeside Dental' })
    const patientApi = `/api/portal/patients/${patient.id}`

    // They see the appointment (waiting for them) and the statement with the PMS's own PDF.
    const tab = (await portal('GET', `${patientApi}/appointments`)).json()
    const [awaiting] = tab.actionNeeded.confirmations
    expect(awaiting).toMatchObject({ startsAt: README_APPOINTMENT.body.startsAt, canConfirm: true })
    const account = (await portal('GET', `${patientApi}/account`)).json()
    const [statement] = account.statements
    expect(statement).toMatchObject({ amountCents: 12500, hasPdf: true })
    const file = await portal('GET', `${patientApi}/statements/${statement.id}/pdf`)
    expect(file.headers['content-type']).toBe('application/pdf')
    expect(file.rawPayload.equals(pdf)).toBe(true)

    // They confirm; the PMS reads it with its own ids and acknowledges it.
    const confirmed = await portal('POST', `${patientApi}/appointments/${awaiting.id}/confirm`)
    expect(confirmed.json()).toMatchObject({ confirmation: 'Confirmed' })
    const feed = (await pms('GET', 'events')).json()
    expect(feed.events).toEqual([
      expect.objectContaining({
        type: 'portal_access.changed',
        data: {
          patientExternalId: README_PATIENT.externalId,
          portalUserName: expect.any(String),
          change: 'granted',
        },
      }),
      expect.objectContaining({
        type: 'appointment.confirmed',
        data: expect.objectContaining({
          appointmentId: awaiting.id,
          appointmentExternalId: README_APPOINTMENT.externalId,
          patientExternalId: README_PATIENT.externalId,
        }),
      }),
    ])
    const ack = await pms('POST', 'events/ack', { cursor: feed.next })
    expect(ack.json()).toEqual({ acknowledged: 2 })
    expect((await pms('GET', 'events')).json().events).toEqual([])

    // The PMS reads back what it holds now: still its own rows, by its own ids.
    const held = (await pms('GET', `appointments/${README_APPOINTMENT.externalId}`)).json()
    expect(held).toMatchObject({ patientExternalId: README_PATIENT.externalId })
  })
})
