import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '../../platform/db/testing.ts'
import { FAMILY_PASSWORD, seedFamilyWithRecords } from '../../testing/family.ts'
import { seedStaff } from '../../testing/fixtures.ts'
import { buildTestApp, officeSignIn, portalSignIn, TEST_ORIGIN } from '../../testing/http.ts'

describeEachDatabase('office: Portal Settings', (kind) => {
  let database: TestDatabase
  let app: FastifyInstance
  let close: () => Promise<void>
  let admin = ''
  let frontDesk = ''
  let maria = ''
  let seeded: Awaited<ReturnType<typeof seedFamilyWithRecords>>

  beforeAll(async () => {
    database = await createTestDatabase(kind)
    const built = await buildTestApp(database)
    app = built.app
    close = built.close
    seeded = await seedFamilyWithRecords(database.db, { files: built.files })
    await seedStaff(database.db, {
      practiceId: seeded.practiceId,
      username: 'admin',
      password: 'admin password 1',
    })
    await seedStaff(database.db, {
      practiceId: seeded.practiceId,
      username: 'desk',
      password: 'desk password 1',
      role: 'front_desk',
    })
    admin = await officeSignIn(app, 'admin', 'admin password 1')
    frontDesk = await officeSignIn(app, 'desk', 'desk password 1')
    maria = await portalSignIn(app, 'maria.garcia', FAMILY_PASSWORD)
  })
  afterAll(async () => {
    await close()
    await database.destroy()
  })

  const put = (url: string, payload: object, cookie = admin) =>
    app.inject({ method: 'PUT', url, payload, headers: { cookie, origin: TEST_ORIGIN } })

  it('is for administrators only', async () => {
    expect(
      (await app.inject({ url: '/api/office/settings', headers: { cookie: frontDesk } }))
        .statusCode,
    ).toBe(403)
  })

  it("switches a tab off for the patient's very next request, and back on", async () => {
    const current = (
      await app.inject({ url: '/api/office/settings', headers: { cookie: admin } })
    ).json()
    const {
      practice: _practice,
      clinics: _clinics,
      paymentProcessor: _processor,
      ...editable
    } = current
    const off = await put('/api/office/settings', {
      ...editable,
      features: { ...editable.features, images: false },
    })
    expect(off.statusCode).toBe(200)
    const session = (
      await app.inject({ url: '/api/portal/session', headers: { cookie: maria } })
    ).json()
    expect(session.features).not.toContain('images')
    const refused = await app.inject({
      url: `/api/portal/patients/${seeded.patients.sofia}/documents`,
      headers: { cookie: maria },
    })
    expect(refused.statusCode).toBe(403)
    await put('/api/office/settings', editable)
    const back = await app.inject({
      url: `/api/portal/patients/${seeded.patients.sofia}/documents`,
      headers: { cookie: maria },
    })
    expect(back.statusCode).toBe(200)
  })

  it('refuses bad values and changes nothing', async () => {
    const before = (
      await app.inject({ url: '/api/office/settings', headers: { cookie: admin } })
    ).json()
    const { practice: _p, clinics: _c, paymentProcessor: _x, ...editable } = before
    const bad = await put('/api/office/settings', { ...editable, idleTimeoutMinutes: 0 })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors).toHaveProperty('idleTimeoutMinutes')
    const reversed = await put('/api/office/settings/practice', {
      ...contactOf(before.practice),
      hours: [{ weekday: 1, opens: '17:00', closes: '09:00' }],
    })
    expect(reversed.statusCode).toBe(400)
    const after = (
      await app.inject({ url: '/api/office/settings', headers: { cookie: admin } })
    ).json()
    expect(after).toEqual(before)
  })

  it("updates a clinic's contact details and hours, shown by Contact us", async () => {
    const before = (
      await app.inject({ url: '/api/office/settings', headers: { cookie: admin } })
    ).json()
    const clinic = before.clinics[0]
    const saved = await put(`/api/office/settings/clinics/${clinic.id}`, {
      ...contactOf(clinic),
      phone: '763-555-0199',
      email: 'downtown@example.com',
      hours: [{ weekday: 2, opens: '08:00', closes: '16:30' }],
    })
    expect(saved.statusCode).toBe(200)
    expect((await put('/api/office/settings/clinics/999999', contactOf(clinic))).statusCode).toBe(
      404,
    )
    await database.db
      .updateTable('patients')
      .set({ clinic_id: clinic.id })
      .where('id', '=', seeded.patients.maria)
      .execute()
    const contact = (
      await app.inject({ url: '/api/portal/contact', headers: { cookie: maria } })
    ).json()
    expect(contact).toMatchObject({
      phone: '763-555-0199',
      email: 'downtown@example.com',
      hours: [{ weekday: 2, opens: '08:00', closes: '16:30' }],
    })
  })
})

function contactOf(contact: Record<string, unknown>) {
  const { id: _id, name: _name, ...rest } = contact
  return rest
}
