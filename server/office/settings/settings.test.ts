import { beforeAll, describe, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { Invalid, NotFound } from '../../platform/http/problems.ts'
import { FAMILY_PASSWORD, seedFamilyWithRecords } from '../../testing/family.ts'
import { updatePatient } from '../../testing/fixtures.ts'
import { portalSignIn, TEST_ORIGIN } from '../../testing/http.ts'
import { signedInOfficeTeam, useTestApp } from '../../testing/suite.ts'
import { staffAuditor } from '../staff-audit.ts'
import { saveContact } from './commands.ts'
import { loadSettings } from './queries.ts'

describeEachDatabase('office: Portal Settings', (kind) => {
  const suite = useTestApp(kind)
  let admin = ''
  let frontDesk = ''
  let maria = ''
  let seeded: Awaited<ReturnType<typeof seedFamilyWithRecords>>
  let adminId = 0

  beforeAll(async () => {
    seeded = await seedFamilyWithRecords(suite.db, { files: suite.files })
    const team = await signedInOfficeTeam(suite, seeded.practiceId)
    admin = team.admin.cookie
    frontDesk = team.desk.cookie
    adminId = team.admin.id
    maria = await portalSignIn(suite.app, 'maria.garcia', FAMILY_PASSWORD)
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
      await suite.app.inject({ url: '/api/portal/session', headers: { cookie: maria } })
    ).json()
    expect(session.features).not.toContain('images')
    const refused = await suite.app.inject({
      url: `/api/portal/patients/${seeded.patients.sofia}/documents`,
      headers: { cookie: maria },
    })
    expect(refused.statusCode).toBe(403)
    await put('/api/office/settings', editable)
    const back = await suite.app.inject({
      url: `/api/portal/patients/${seeded.patients.sofia}/documents`,
      headers: { cookie: maria },
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
    await updatePatient(suite.db, seeded.patients.maria, { clinic_id: clinic.id })
    const contact = (
      await suite.app.inject({ url: '/api/portal/contact', headers: { cookie: maria } })
    ).json()
    expect(contact).toMatchObject({
      phone: '763-555-0199',
      email: 'downtown@example.com',
      hours: [{ weekday: 2, opens: '08:00', closes: '16:30' }],
    })
  })

  it("sets the practice's and a clinic's organization NPI, kept for care summaries", async () => {
    const before = (
      await suite.app.inject({ url: '/api/office/settings', headers: { cookie: admin } })
    ).json()
    const mistyped = await put('/api/office/settings/practice', {
      ...contactOf(before.practice),
      npi: '1234567894',
    })
    expect(mistyped.statusCode).toBe(400)
    expect(mistyped.json().errors).toHaveProperty('npi')
    const saved = await put('/api/office/settings/practice', {
      ...contactOf(before.practice),
      npi: ' 1234567893 ',
    })
    expect(saved.statusCode).toBe(200)
    expect(saved.json().practice.npi).toBe('1234567893')
    const clinic = before.clinics[0]
    await put(`/api/office/settings/clinics/${clinic.id}`, {
      ...contactOf(clinic),
      npi: '1245319599',
    })
    const { npi: _left, ...withoutNpi } = contactOf(before.practice)
    await put('/api/office/settings/practice', withoutNpi)

    const stored = await suite.db
      .selectFrom('practices')
      .select('npi')
      .where('id', '=', seeded.practiceId)
      .executeTakeFirstOrThrow()
    expect(stored.npi).toBe('1234567893')

    const cleared = await put('/api/office/settings/practice', {
      ...contactOf(before.practice),
      npi: '',
    })
    expect(cleared.json().practice.npi).toBeNull()
    // A save that leaves the NPI out (an older console) keeps it.
    const { npi: _clinicNpi, ...clinicWithoutNpi } = contactOf(clinic)
    const kept = await put(`/api/office/settings/clinics/${clinic.id}`, clinicWithoutNpi)
    expect(kept.json().clinics).toContainEqual(
      expect.objectContaining({ id: clinic.id, npi: '1245319599' }),
    )
  })

  // The command itself, without HTTP: checks first, then the change and its audit row together.
  describe('saving contact details as a command', () => {
    const IP = '198.51.100.4'
    const staff = () => ({ id: adminId, practice_id: seeded.practiceId })
    const contact = (hours: { weekday: number; opens: string; closes: string }[]) => ({
      ...{ phone: ' 519-555-0199 ', email: '', address1: '3 Oak Ave', address2: null },
      ...{ city: 'Guelph', region: 'ON', postalCode: 'N1H 3C3', hours },
    })
    const save = (clinicId: number | null, hours: Parameters<typeof contact>[0]) =>
      saveContact(suite.db, staff(), staffAuditor({ ip: IP }, staff()), {
        clinicId,
        contact: contact(hours),
      })
    const auditsFromHere = () =>
      suite.db
        .selectFrom('audit_events')
        .select(['action', 'staff_user_id', 'target_type', 'target_id'])
        .where('ip', '=', IP)
        .execute()

    it("saves the practice's details, blanks as none, and records who did it", async () => {
      await save(null, [{ weekday: 1, opens: '08:00', closes: '12:00' }])
      const { practice, hours } = await loadSettings(suite.db, seeded.practiceId)
      expect(practice).toMatchObject({ phone: '519-555-0199', email: null, address1: '3 Oak Ave' })
      expect(hours.filter((slot) => slot.clinic_id === null).map((slot) => slot.weekday)).toEqual([
        1,
      ])
      expect(await auditsFromHere()).toEqual([
        {
          action: 'settings.contact_updated',
          staff_user_id: adminId,
          target_type: 'practice',
          target_id: String(seeded.practiceId),
        },
      ])
    })

    it('refuses overlapping hours or an unknown clinic, changing and auditing nothing', async () => {
      const before = await loadSettings(suite.db, seeded.practiceId)
      const overlapping = [
        { weekday: 2, opens: '08:00', closes: '12:00' },
        { weekday: 2, opens: '11:00', closes: '13:00' },
      ]
      await expect(save(null, overlapping)).rejects.toThrow(Invalid)
      await expect(save(999_999, [])).rejects.toThrow(NotFound)
      expect((await loadSettings(suite.db, seeded.practiceId)).hours).toEqual(before.hours)
      expect(await auditsFromHere()).toHaveLength(1)
    })
  })
})

function contactOf(contact: Record<string, unknown>) {
  const { id: _id, name: _name, ...rest } = contact
  return rest
}
