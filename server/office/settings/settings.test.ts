import { beforeAll, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { TEST_ORIGIN } from '../../testing/http.ts'
import { signedInStaff, useFamilyApp } from '../../testing/suite.ts'

describeEachDatabase('office: Portal Settings', (kind) => {
  const suite = useFamilyApp(kind)
  let admin = ''
  let frontDesk = ''

  beforeAll(async () => {
    const { practiceId } = suite.family
    admin = (await signedInStaff(suite, { practiceId, username: 'admin' })).cookie
    frontDesk = (await signedInStaff(suite, { practiceId, username: 'desk', role: 'front_desk' }))
      .cookie
  })

  const put = (url: string, payload: object, cookie = admin) =>
    suite.app.inject({ method: 'PUT', url, payload, headers: { cookie, origin: TEST_ORIGIN } })

  it('is for administrators only', async () => {
    expect(
      (await suite.app.inject({ url: '/api/office/settings', headers: { cookie: frontDesk } }))
        .statusCode,
    ).toBe(403)
  })

  it("switches a tab off for the patient's very next request, and back on", async () => {
    const current = (
      await suite.app.inject({ url: '/api/office/settings', headers: { cookie: admin } })
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
      await suite.app.inject({
        url: '/api/portal/session',
        headers: { cookie: suite.cookies.maria },
      })
    ).json()
    expect(session.features).not.toContain('images')
    const refused = await suite.app.inject({
      url: `/api/portal/patients/${suite.family.patients.sofia}/documents`,
      headers: { cookie: suite.cookies.maria },
    })
    expect(refused.statusCode).toBe(403)
    await put('/api/office/settings', editable)
    const back = await suite.app.inject({
      url: `/api/portal/patients/${suite.family.patients.sofia}/documents`,
      headers: { cookie: suite.cookies.maria },
    })
    expect(back.statusCode).toBe(200)
  })

  it('refuses bad values and changes nothing', async () => {
    const before = (
      await suite.app.inject({ url: '/api/office/settings', headers: { cookie: admin } })
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
      await suite.app.inject({ url: '/api/office/settings', headers: { cookie: admin } })
    ).json()
    expect(after).toEqual(before)
  })

  it("updates a clinic's contact details and hours, shown by Contact us", async () => {
    const before = (
      await suite.app.inject({ url: '/api/office/settings', headers: { cookie: admin } })
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
    await suite.db
      .updateTable('patients')
      .set({ clinic_id: clinic.id })
      .where('id', '=', suite.family.patients.maria)
      .execute()
    const contact = (
      await suite.app.inject({
        url: '/api/portal/contact',
        headers: { cookie: suite.cookies.maria },
      })
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
