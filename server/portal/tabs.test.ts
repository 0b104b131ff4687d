import { describe, expect, it } from 'vitest'
import { describeEachDatabase } from '../platform/db/testing.ts'
import { auditRowsOf } from '../testing/audit.ts'
import { familyRequests, useFamilyApp } from '../testing/suite.ts'

describeEachDatabase("the patient's tabs", (kind) => {
  const suite = useFamilyApp(kind)

  const { get, post, base } = familyRequests(suite)

  describe('Appointments', () => {
    it('splits action needed, upcoming (soonest first, no broken ones) and past', async () => {
      const response = await get(`${base('sofia')}/appointments`)
      expect(response.statusCode).toBe(200)
      const body = response.json()
      expect(body.upcoming.map((a: { id: number }) => a.id)).toEqual([
        suite.family.appointments.sofiaNext,
        suite.family.appointments.sofiaLater,
      ])
      expect(body.actionNeeded.confirmations.map((a: { id: number }) => a.id)).toEqual([
        suite.family.appointments.sofiaNext,
      ])
      expect(body.past.items.map((a: { id: number }) => a.id)).toEqual([
        suite.family.appointments.sofiaPast,
      ])
      expect(body.upcoming[0]).toMatchObject({
        provider: 'Ana Lindqvist, DDS',
        clinic: { name: 'Downtown', timeZone: 'America/Chicago', phone: '763-555-0100' },
        procedures: [{ code: 'D1120', description: 'Prophylaxis – child' }],
        canConfirm: true,
      })
      expect(Date.parse(body.upcoming[0].startsAt)).toBeGreaterThan(Date.now())
      expect(body.upcoming[0].startsAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    })

    it('moves a visit out of Upcoming the moment it begins, with nothing else changed', async () => {
      const startsAt = new Date(Date.now() + 1500)
      const soon = await suite.db
        .insertInto('appointments')
        .values({
          practice_id: suite.family.practiceId,
          patient_id: suite.family.patients.mateo,
          starts_at: startsAt,
          length_minutes: 30,
          confirmation: 'AwaitingConfirmation',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await suite.settle()
      const ids = (body: { upcoming: { id: number }[] }) => body.upcoming.map((a) => a.id)
      const before = (await get(`${base('mateo')}/appointments`)).json()
      expect(ids(before)).toContain(soon.id)
      expect(before.actionNeeded.confirmations.map((a: { id: number }) => a.id)).toContain(soon.id)
      // Read again from memory (the same rows) once it has begun.
      await new Promise((resolve) => setTimeout(resolve, startsAt.getTime() - Date.now() + 50))
      const after = (await get(`${base('mateo')}/appointments`)).json()
      expect(ids(after)).not.toContain(soon.id)
      expect(after.actionNeeded.confirmations).toEqual([])
      await suite.db.deleteFrom('appointments').where('id', '=', soon.id).execute()
      await suite.settle()
    })

    it('pages past appointments 20 at a time, newest first', async () => {
      const first = (await get(`${base('luis')}/appointments`, suite.cookies.luis)).json()
      expect(first.past.items).toHaveLength(20)
      expect(first.past.hasMore).toBe(true)
      const dates = first.past.items.map((a: { startsAt: string }) => a.startsAt)
      expect([...dates].sort().reverse()).toEqual(dates)
      const second = (
        await get(`${base('luis')}/appointments?pastPage=2`, suite.cookies.luis)
      ).json()
      expect(second.past).toMatchObject({ page: 2, hasMore: false })
      expect(second.past.items).toHaveLength(2)
      expect(
        (await get(`${base('luis')}/appointments?pastPage=zero`, suite.cookies.luis)).statusCode,
      ).toBe(400)
    })

    it('confirms an appointment once, harmlessly twice, and queues a sync event', async () => {
      const url = `${base('sofia')}/appointments/${suite.family.appointments.sofiaNext}/confirm`
      const first = await post(url)
      expect(first.statusCode).toBe(200)
      expect(first.json()).toMatchObject({ confirmation: 'Confirmed', canConfirm: false })
      expect((await post(url)).statusCode).toBe(200)
      const events = await suite.db
        .selectFrom('sync_events')
        .select(['kind', 'entity_id'])
        .where('kind', '=', 'appointment.confirmed')
        .execute()
      expect(events).toEqual([
        { kind: 'appointment.confirmed', entity_id: suite.family.appointments.sofiaNext },
      ])
    })

    it('refuses to confirm a past or broken appointment', async () => {
      for (const id of [
        suite.family.appointments.sofiaPastMissed,
        suite.family.appointments.sofiaBroken,
      ]) {
        const response = await post(`${base('sofia')}/appointments/${id}/confirm`)
        expect(response.statusCode).toBe(409)
      }
    })

    it('offers a calendar file for an upcoming appointment, without health details', async () => {
      const response = await get(
        `${base('sofia')}/appointments/${suite.family.appointments.sofiaLater}/calendar.ics`,
      )
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toContain('text/calendar')
      expect(response.body).toContain('Dental appointment – Maple Grove Dental')
      expect(response.body).not.toContain('D1120')
    })

    it('books a recall into an open time, once', async () => {
      const before = (await get(`${base('mateo')}/appointments`)).json()
      expect(before.actionNeeded.recalls).toEqual([
        expect.objectContaining({ id: suite.family.recall, description: 'Child prophylaxis' }),
      ])
      const times = (await get(`${base('mateo')}/recalls/${suite.family.recall}/open-times`)).json()
      expect(times.map((t: { id: number }) => t.id)).toEqual(suite.family.openTimes.slice(0, 2))
      const chosen = suite.family.openTimes[0] ?? 0
      // Two patients racing for one time: appointments/web-sched.test.ts.
      const url = `${base('mateo')}/recalls/${suite.family.recall}/book`
      expect((await post(url, { openTimeId: chosen })).statusCode).toBe(201)
      expect((await post(url, { openTimeId: chosen })).statusCode).toBe(409)
      const booked = await suite.db
        .selectFrom('web_sched_open_times')
        .select('booked_appointment_id')
        .where('id', '=', chosen)
        .executeTakeFirstOrThrow()
      expect(booked.booked_appointment_id).not.toBeNull()
      const after = (await get(`${base('mateo')}/appointments`)).json()
      expect(after.actionNeeded.recalls).toEqual([])
      expect(after.upcoming).toHaveLength(1)
      const count = await suite.db
        .selectFrom('appointments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('patient_id', '=', suite.family.patients.mateo)
        .executeTakeFirstOrThrow()
      expect(Number(count.n)).toBe(1)
    })
  })

  describe('Account', () => {
    it("shows the latest statement's balance and the family's statements to the representative", async () => {
      const body = (await get(`${base('sofia')}/account`)).json()
      expect(body).toMatchObject({
        visible: true,
        holder: { id: suite.family.patients.maria, name: 'Maria Garcia', isSelectedPatient: false },
        balance: { cents: 4_550, statementDate: '2026-02-10' },
      })
      expect(body.statements.map((s: { id: number }) => s.id)).toEqual([
        suite.family.statements.latestStatement,
        suite.family.statements.olderStatement,
      ])
      expect(body.payments).toEqual([
        expect.objectContaining({
          amountCents: 7_450,
          method: 'Visa',
          paidAt: '2026-02-01T15:00:00.000Z',
        }),
      ])
      // The same account's rows, read for its holder: only the holder line differs.
      const own = (await get(`${base('maria')}/account`)).json()
      expect(own.holder).toEqual({
        id: suite.family.patients.maria,
        name: 'Maria Garcia',
        isSelectedPatient: true,
      })
      expect(own.statements).toEqual(body.statements)
    })

    it('keeps the family account from Luis, whose guarantor he does not represent', async () => {
      const body = (await get(`${base('luis')}/account`, suite.cookies.luis)).json()
      expect(body).toMatchObject({ visible: false, balance: null, statements: [], payments: [] })
      const pdf = await get(
        `${base('luis')}/statements/${suite.family.statements.latestStatement}/pdf`,
        suite.cookies.luis,
      )
      expect(pdf.statusCode).toBe(404)
    })

    it('serves the statement PDF inline or as a download, each audited on the statement', async () => {
      const { latestStatement, olderStatement } = suite.family.statements
      const url = `${base('maria')}/statements/${latestStatement}/pdf`
      const inline = await get(url)
      expect(inline.headers['content-type']).toBe('application/pdf')
      expect(inline.headers['content-disposition']).toMatch(/^inline/)
      expect((await get(`${url}?download=true`)).headers['content-disposition']).toMatch(
        /^attachment/,
      )
      expect((await get(`${base('maria')}/statements/${olderStatement}/pdf`)).statusCode).toBe(404)
      await suite.settle()
      for (const action of ['statement.viewed', 'statement.downloaded']) {
        const rows = await auditRowsOf(suite.db, action)
        expect(rows.map((row) => [row.target_id, row.patient_id])).toEqual([
          [String(latestStatement), suite.family.patients.maria],
        ])
      }
    })
  })

  describe('Plan', () => {
    it('lists saved plans only, newest first, with totals in cents', async () => {
      const body = (await get(`${base('luis')}/plans`, suite.cookies.luis)).json()
      expect(body.plans.map((p: { heading: string }) => p.heading)).toEqual([
        'Crown and filling',
        'Older plan',
      ])
      expect(body.plans[0].totals).toEqual({
        feeCents: 134_910,
        primaryInsuranceCents: 73_428,
        secondaryInsuranceCents: 1_991,
        discountCents: 1,
        patientPortionCents: 59_490,
      })
      expect(body.plans[0].rows[1]).toMatchObject({ tooth: '14', surface: 'MO', code: 'D2392' })
    })
  })

  describe('Images', () => {
    it('lists shared documents oldest first, never the unshared ones', async () => {
      const body = (await get(`${base('sofia')}/documents`)).json()
      expect(body.canDownload).toBe(true)
      expect(body.documents.map((d: { id: number }) => d.id)).toEqual([
        suite.family.documents.sofiaEarlier,
        suite.family.documents.sofiaLater,
        suite.family.documents.sofiaMislabelled,
      ])
      const hidden = await get(
        `${base('sofia')}/documents/${suite.family.documents.sofiaHidden}/view`,
      )
      expect(hidden.statusCode).toBe(404)
    })

    it('makes a thumbnail once and serves files by the type their bytes prove', async () => {
      const thumb = await get(
        `${base('sofia')}/documents/${suite.family.documents.sofiaEarlier}/thumbnail`,
      )
      expect(thumb.headers['content-type']).toBe('image/jpeg')
      const stored = await suite.db
        .selectFrom('documents')
        .select('thumbnail_storage_key')
        .where('id', '=', suite.family.documents.sofiaEarlier)
        .executeTakeFirstOrThrow()
      expect(stored.thumbnail_storage_key).toBeTruthy()
      const pdf = await get(`${base('sofia')}/documents/${suite.family.documents.sofiaLater}/view`)
      expect(pdf.headers['content-type']).toBe('application/pdf')
      expect(pdf.headers['x-content-type-options']).toBe('nosniff')
      expect(pdf.headers['content-security-policy']).toContain("frame-ancestors 'self'")
      const evil = await get(
        `${base('sofia')}/documents/${suite.family.documents.sofiaMislabelled}/view`,
      )
      expect(evil.headers['content-type']).toBe('application/octet-stream')
      expect(evil.headers['content-disposition']).toMatch(/^attachment/)
    })

    it('lets Mateo (Archived) be viewed but not downloaded, even by a direct call', async () => {
      const body = (await get(`${base('mateo')}/documents`)).json()
      expect(body.canDownload).toBe(false)
      const view = await get(`${base('mateo')}/documents/${suite.family.documents.mateo}/view`)
      expect(view.statusCode).toBe(200)
      const download = await get(
        `${base('mateo')}/documents/${suite.family.documents.mateo}/download`,
      )
      expect(download.statusCode).toBe(403)
      const sofia = await get(
        `${base('sofia')}/documents/${suite.family.documents.sofiaEarlier}/download`,
      )
      expect(sofia.statusCode).toBe(200)
      expect(sofia.headers['content-disposition']).toMatch(/^attachment/)
    })

    it('audits a thumbnail exactly as it audits viewing the image', async () => {
      const id = suite.family.documents.sofiaEarlier
      const auditedViews = () =>
        suite.db
          .selectFrom('audit_events')
          .select([
            'practice_id',
            'actor_type',
            'portal_user_id',
            'staff_user_id',
            'action',
            'outcome',
            'patient_id',
            'target_type',
            'target_id',
            'ip',
            'details',
          ])
          .where('target_type', '=', 'document')
          .where('target_id', '=', String(id))
          .orderBy('id')
          .execute()
      const before = (await auditedViews()).length
      expect((await get(`${base('sofia')}/documents/${id}/thumbnail`)).statusCode).toBe(200)
      expect((await get(`${base('sofia')}/documents/${id}/view`)).statusCode).toBe(200)
      const [thumbnail, view, ...more] = (await auditedViews()).slice(before)
      expect(more).toEqual([])
      expect(view).toMatchObject({
        action: 'document.viewed',
        patient_id: suite.family.patients.sofia,
      })
      expect(thumbnail).toEqual(view)
    })

    it('audits views and downloads', async () => {
      const actions = await suite.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', 'in', ['document.viewed', 'document.downloaded'])
        .execute()
      expect(new Set(actions.map((a) => a.action))).toEqual(
        new Set(['document.viewed', 'document.downloaded']),
      )
    })
  })

  describe('access', () => {
    it("answers 404 for another family's records and 400 for malformed ids", async () => {
      expect((await get(`${base('sofia')}/appointments`, suite.cookies.luis)).statusCode).toBe(404)
      expect((await get(`${base('smith')}/plans`)).statusCode).toBe(404)
      expect(
        (await get(`${base('sofia')}/documents/${suite.family.documents.mateo}/view`)).statusCode,
      ).toBe(404)
      expect((await get('/api/portal/patients/abc/plans')).statusCode).toBe(400)
      expect((await get(`${base('sofia')}/documents/-4/view`)).statusCode).toBe(400)
    })
  })
})
