import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createBackgroundWorker } from '../../background.ts'
import type { Database } from '../../platform/db/database.ts'
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '../../platform/db/testing.ts'
import type { FileStorage } from '../../platform/files/storage.ts'
import { seedPatient, seedPractice, seedStaff } from '../../testing/fixtures.ts'
import { buildTestApp, officeSignIn, portalSignIn, TEST_ORIGIN } from '../../testing/http.ts'

describeEachDatabase('office: patient portal access', (kind) => {
  let database: TestDatabase
  let db: Database
  let app: FastifyInstance
  let files: FileStorage
  let close: () => Promise<void>
  let admin = ''
  let provider = ''
  let frontDesk = ''
  let ana = 0
  let noAddress = 0
  let adminId = 0
  let firstPassword = ''
  let firstCookie = ''

  beforeAll(async () => {
    database = await createTestDatabase(kind)
    db = database.db
    const practiceId = await seedPractice(db, 'Maple Grove Dental')
    adminId = await seedStaff(db, practiceId, 'admin', 'admin password 1', 'admin')
    await seedStaff(db, practiceId, 'dr.lee', 'provider password 1', 'provider')
    await seedStaff(db, practiceId, 'desk', 'desk password 1', 'front_desk')
    ana = await seedPatient(db, practiceId, {
      first_name: 'Ana',
      last_name: 'Silva',
      birthdate: '1992-03-04',
      email: 'ana@example.test',
    })
    noAddress = await seedPatient(db, practiceId, {
      first_name: 'Ben',
      last_name: 'Silva',
      address1: null,
    })
    const other = await seedPractice(db, 'Other Dental')
    await seedPatient(db, other, { first_name: 'Ana', last_name: 'Silvana' })
    const built = await buildTestApp(database)
    app = built.app
    files = built.files
    close = built.close
    admin = await officeSignIn(app, 'ADMIN', 'admin password 1')
    provider = await officeSignIn(app, 'dr.lee', 'provider password 1')
    frontDesk = await officeSignIn(app, 'desk', 'desk password 1')
  })
  afterAll(async () => {
    await close()
    await database.destroy()
  })

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie: string, payload?: object) =>
    app.inject({ method, url, payload, headers: { origin: TEST_ORIGIN, cookie } })

  it('shows the signed-in staff member and keeps roles apart', async () => {
    const me = await call('GET', '/api/office/session', admin)
    expect(me.json()).toMatchObject({
      username: 'admin',
      role: 'admin',
      practiceName: 'Maple Grove Dental',
    })
    expect(
      (await call('POST', '/api/office/patients/search', provider, { name: 'silva' })).statusCode,
    ).toBe(403)
    expect((await call('GET', '/api/office/outgoing-emails', provider)).statusCode).toBe(403)
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/office/patients/search',
          payload: { name: 'silva' },
        })
      ).statusCode,
    ).toBe(401)
  })

  it('lets the front desk manage portal access but nothing only administrators may do', async () => {
    const search = await call('POST', '/api/office/patients/search', frontDesk, { name: 'silva' })
    expect(search.statusCode).toBe(200)
    const status = await call('GET', `/api/office/patients/${noAddress}/access`, frontDesk)
    expect(status.json()).toMatchObject({ id: noAddress, missing: ['address'] })
    for (const adminOnly of [
      '/api/office/outgoing-emails',
      '/api/office/settings',
      '/api/office/code-systems',
    ]) {
      const refused = await call('GET', adminOnly, frontDesk)
      expect([adminOnly, refused.statusCode]).toEqual([adminOnly, 403])
      expect(refused.headers['content-type']).toContain('application/problem+json')
    }
  })

  it('records staff sign-in and sign-out with who and from where', async () => {
    const cookie = await officeSignIn(app, 'desk', 'desk password 1')
    expect((await call('DELETE', '/api/office/session', cookie)).statusCode).toBe(204)
    const rows = await db
      .selectFrom('audit_events')
      .innerJoin('staff_users', 'staff_users.id', 'audit_events.staff_user_id')
      .select(['action', 'actor_type', 'ip'])
      .where('staff_users.username', '=', 'desk')
      .orderBy('audit_events.id')
      .execute()
    expect(rows.slice(-2)).toEqual([
      { action: 'office.sign_in', actor_type: 'staff_user', ip: '127.0.0.1' },
      { action: 'office.sign_out', actor_type: 'staff_user', ip: '127.0.0.1' },
    ])
  })

  it("finds patients by name and birthdate in the staff member's practice only", async () => {
    const found = await call('POST', '/api/office/patients/search', admin, { name: 'silva' })
    expect(
      found
        .json()
        .map((p: { firstName: string }) => p.firstName)
        .sort(),
    ).toEqual(['Ana', 'Ben'])
    const byBirth = await call('POST', '/api/office/patients/search', admin, {
      name: 'sil',
      birthdate: '1992-03-04',
    })
    expect(byBirth.json()).toEqual([
      expect.objectContaining({ id: ana, access: null, missing: [] }),
    ])
    const bad = await call('POST', '/api/office/patients/search', admin, { birthdate: 'March' })
    expect(bad.statusCode).toBe(400)
  })

  it('needs an address on file before giving access', async () => {
    const response = await call('POST', `/api/office/patients/${noAddress}/access`, admin, {})
    expect(response.statusCode).toBe(400)
    expect(response.json().detail).toContain('address')
  })

  it('gives access with a suggested user name and a one-time password that works once', async () => {
    const granted = await call('POST', `/api/office/patients/${ana}/access`, admin, {})
    expect(granted.statusCode).toBe(201)
    const { username, oneTimePassword } = granted.json()
    expect(username).toMatch(/^ana\d{4}$/)
    expect(oneTimePassword).toHaveLength(8)
    const again = await call('POST', `/api/office/patients/${ana}/access`, admin, {})
    expect(again.statusCode).toBe(409)

    const letter = await call('POST', `/api/office/patients/${ana}/access/letter`, admin, {
      oneTimePassword,
    })
    expect(letter.statusCode).toBe(200)
    expect(letter.headers['content-type']).toBe('application/pdf')
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const wrongLetter = await call('POST', `/api/office/patients/${ana}/access/letter`, admin, {
      oneTimePassword: 'guessed1',
    })
    expect(wrongLetter.statusCode).toBe(400)

    const invited = await call('POST', `/api/office/patients/${ana}/access/invitation`, admin, {
      oneTimePassword,
    })
    expect(invited.statusCode).toBe(202)
    const worker = createBackgroundWorker({
      db,
      files,
      config: { smtpUrl: undefined, mailFrom: 'test@example.test' },
    })
    await worker.runDue()
    const emails = await call('GET', '/api/office/outgoing-emails', admin)
    expect(emails.json()[0]).toMatchObject({
      kind: 'access-invitation',
      to: 'ana@example.test',
      status: 'stored',
    })
    // Without a mail server the email reached no one; the password is not kept readable.
    expect(emails.json()[0]).toMatchObject({ carriesSecret: true })
    expect(emails.body).not.toContain(oneTimePassword)

    firstPassword = oneTimePassword
    firstCookie = await portalSignIn(app, username, oneTimePassword)
    const session = await app.inject({
      url: '/api/portal/session',
      headers: { cookie: firstCookie },
    })
    expect(session.json()).toMatchObject({ stage: 'change-password' })
    const status = await call('GET', `/api/office/patients/${ana}/access`, admin)
    expect(status.json().access).toMatchObject({ username, awaitingFirstSignIn: true })
  })

  it('reset issues a new one-time password; the old one stops working and sessions end', async () => {
    const reset = await call('POST', `/api/office/patients/${ana}/access/reset`, admin)
    expect(reset.statusCode).toBe(200)
    const { username, oneTimePassword } = reset.json()
    expect(oneTimePassword).not.toBe(firstPassword)
    const oldPassword = await portalSignIn(app, username, firstPassword).catch(() => 'refused')
    expect(oldPassword).toBe('refused')
    const oldSession = await app.inject({
      url: '/api/portal/session',
      headers: { cookie: firstCookie },
    })
    expect(oldSession.statusCode).toBe(401)
    const signedIn = await portalSignIn(app, username, oneTimePassword)
    expect(signedIn).toContain('bitewing_portal=')
    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'staff_user_id', 'patient_id'])
      .where('action', 'like', 'access.%')
      .execute()
    expect(events).toEqual(
      expect.arrayContaining([
        { action: 'access.granted', staff_user_id: adminId, patient_id: ana },
        { action: 'access.password_reset', staff_user_id: adminId, patient_id: ana },
        { action: 'access.letter_printed', staff_user_id: adminId, patient_id: ana },
      ]),
    )
  })

  it('remove access signs the patient out everywhere', async () => {
    const { access } = (await call('GET', `/api/office/patients/${ana}/access`, admin)).json()
    const reset = await call('POST', `/api/office/patients/${ana}/access/reset`, admin)
    const cookie = await portalSignIn(app, access.username, reset.json().oneTimePassword)
    const removed = await call('DELETE', `/api/office/patients/${ana}/access`, admin)
    expect(removed.statusCode).toBe(204)
    expect((await app.inject({ url: '/api/portal/session', headers: { cookie } })).statusCode).toBe(
      401,
    )
    const status = await call('GET', `/api/office/patients/${ana}/access`, admin)
    expect(status.json().access).toBeNull()
  })

  it('refuses a user name that is taken or malformed', async () => {
    const response = await call('POST', `/api/office/patients/${ana}/access`, admin, {
      username: 'bad name!',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().errors).toHaveProperty('username')
  })
})
