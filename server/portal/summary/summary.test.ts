import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackgroundWorker } from '../../background.ts'
import { validateCcd } from '../../ccd/index.ts'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { seedCareSummaryCodes, updatePatient } from '../../testing/fixtures.ts'
import { type LoopbackSmtp, startLoopbackSmtp } from '../../testing/smtp.ts'
import { familyRequests, useFamilyApp, withPortalFeatureOff } from '../../testing/suite.ts'
import { CREATE_CARE_SUMMARY_JOB, onAppointmentCompleted } from './create.ts'
import { XDM_ENTRIES } from './package.ts'
import { SUMMARY_HTML_CSP } from './routes.ts'

/** Recipients named reject@ are refused for good (550), busy@ for now (451). */
const REFUSALS = {
  refuse: (address: string) => address.startsWith('reject@'),
  busy: (address: string) => address.startsWith('busy@'),
}

describeEachDatabase('portal: care summaries', (kind) => {
  const suite = useFamilyApp(kind)
  let smtp: LoopbackSmtp
  let directSmtp: LoopbackSmtp
  let summaryId = 0

  beforeAll(async () => {
    const { practiceId } = suite.family
    const sofia = suite.family.patients.sofia
    await updatePatient(suite.db, sofia, {
      birth_sex: 'F',
      race_code: '2106-3',
      ethnicity_code: '2135-2',
      language: 'es',
    })
    await suite.db
      .insertInto('problems')
      .values({
        practice_id: practiceId,
        patient_id: sofia,
        description: 'Dental caries',
        snomed_code: '80967001',
      })
      .execute()
    await suite.db
      .insertInto('immunizations')
      .values({
        practice_id: practiceId,
        patient_id: sofia,
        cvx_code: '03',
        vaccine: 'MMR',
        administered_on: '2018-02-01',
      })
      .execute()
    await suite.db
      .insertInto('clinical_procedures')
      .values({
        practice_id: practiceId,
        patient_id: sofia,
        appointment_id: suite.family.appointments.sofiaPast,
        code: 'D1120',
        description: 'Prophylaxis – child',
        performed_on: '2025-01-10',
      })
      .execute()
    await suite.db
      .insertInto('smoking_statuses')
      .values({
        practice_id: practiceId,
        patient_id: sofia,
        snomed_code: '266919005',
        description: 'Never smoked tobacco',
        recorded_on: '2025-01-10',
      })
      .execute()
    smtp = await startLoopbackSmtp(REFUSALS)
    directSmtp = await startLoopbackSmtp(REFUSALS)
  })
  afterAll(async () => {
    await smtp?.close()
    await directSmtp?.close()
  })

  const { get, post, base } = familyRequests(suite)
  const worker = () =>
    createBackgroundWorker({
      db: suite.db,
      files: suite.files,
      config: { smtpUrl: smtp.url, directSmtpUrl: directSmtp.url, mailFrom: 'office@example.test' },
    })
  const emailCount = async () =>
    Number(
      (
        await suite.db
          .selectFrom('outgoing_emails')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('says summaries are not set up until SNOMED CT and CVX are imported', async () => {
    const list = await get(`${base('sofia')}/summaries`)
    expect(list.statusCode).toBe(200)
    expect(list.json()).toEqual({ setUp: false, summaries: [] })
    const create = await post(`${base('sofia')}/summaries`)
    expect(create.statusCode).toBe(409)
    expect(create.json().type).toBe('/problems/summaries-not-set-up')
    // A completed visit makes none either.
    await onAppointmentCompleted(suite.db, suite.family.appointments.sofiaPast)
    await worker().runDue()
    const rows = await suite.db.selectFrom('care_summaries').selectAll().execute()
    expect(rows).toEqual([])

    await seedCareSummaryCodes(suite.db, suite.family.practiceId)
    expect((await get(`${base('sofia')}/summaries`)).json().setUp).toBe(true)
  })

  it('creates a current summary and lists it, newest first', async () => {
    const created = await post(`${base('sofia')}/summaries`)
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ reason: 'on_demand' })
    summaryId = created.json().id
    const list = (await get(`${base('sofia')}/summaries`)).json()
    expect(list.summaries[0]).toMatchObject({ id: summaryId, reason: 'on_demand' })
  })

  it('creates one visit summary when a visit is completed, however often it is reported', async () => {
    await onAppointmentCompleted(suite.db, suite.family.appointments.sofiaPast)
    await onAppointmentCompleted(suite.db, suite.family.appointments.sofiaPast)
    await worker().runDue()
    const visits = await suite.db
      .selectFrom('care_summaries')
      .select(['patient_id', 'appointment_id'])
      .where('reason', '=', 'visit')
      .execute()
    expect(visits).toEqual([
      {
        patient_id: suite.family.patients.sofia,
        appointment_id: suite.family.appointments.sofiaPast,
      },
    ])
    const jobs = await suite.db
      .selectFrom('jobs')
      .select('status')
      .where('kind', '=', CREATE_CARE_SUMMARY_JOB)
      .execute()
    expect(jobs.every((job) => job.status === 'done')).toBe(true)
    const list = (await get(`${base('sofia')}/summaries`)).json()
    expect(list.summaries.map((s: { reason: string }) => s.reason).sort()).toEqual([
      'on_demand',
      'visit',
    ])
  })

  it('shows the summary as self-contained HTML with working table-of-contents links', async () => {
    const response = await get(`${base('sofia')}/summaries/${summaryId}/html`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['content-security-policy']).toBe(SUMMARY_HTML_CSP)
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    const html = response.body
    expect(html).toContain('Sofia')
    const links = [...html.matchAll(/<a href="#([^"]+)"/g)].map((match) => match[1])
    expect(links.length).toBeGreaterThanOrEqual(6)
    for (const anchor of links) expect(html).toContain(`id="${anchor}"`)
    expect(html).not.toMatch(/<script|src="http/i)
  })

  it('downloads the C-CDA XML, which validates against the CDA schema', async () => {
    const response = await get(`${base('sofia')}/summaries/${summaryId}/xml`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/xml')
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="care-summary-\d{4}-\d{2}-\d{2}\.xml"$/,
    )
    const xml = response.body
    expect(xml).toContain('<ClinicalDocument')
    expect(xml).toContain('80967001')
    expect(xml).toContain('code="03"')
    const validation = await validateCcd(xml)
    expect(validation.errors).toEqual([])
    expect(validation.valid).toBe(true)
  })

  it('downloads an IHE XDM package with the XML, HTML, PDF and the index', async () => {
    const response = await get(`${base('sofia')}/summaries/${summaryId}/package`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/zip')
    const entries = unzipSync(new Uint8Array(response.rawPayload))
    expect(Object.keys(entries).sort()).toEqual(Object.values(XDM_ENTRIES).sort())
    const text = (name: string) => Buffer.from(entries[name] as Uint8Array).toString('utf8')
    expect(text(XDM_ENTRIES.xml)).toContain('<ClinicalDocument')
    expect(text(XDM_ENTRIES.html)).toContain('<!doctype html>')
    expect(
      Buffer.from(entries[XDM_ENTRIES.pdf] as Uint8Array)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
    const metadata = text(XDM_ENTRIES.metadata)
    expect(metadata).toContain('urn:hl7-org:sdwg:ccda-structuredBody:2.1')
    expect(metadata).toContain('<rim:Value>DOC0001.XML</rim:Value>')
    expect(text(XDM_ENTRIES.index)).toContain('IHE_XDM/SUBSET01/DOC0001.XML')
  })

  it('refuses a malformed address with a field message and queues nothing', async () => {
    const before = await emailCount()
    for (const to of ['not-an-address', 'a@b', 'two@@example.org', ' ']) {
      const response = await post(`${base('sofia')}/summaries/${summaryId}/transmit`, {
        to,
        kind: 'email',
      })
      expect(response.statusCode, to).toBe(400)
      expect(response.json().errors.to).toMatch(/Enter an email address/)
    }
    const direct = await post(`${base('sofia')}/summaries/${summaryId}/transmit`, {
      to: 'dr smith@direct',
      kind: 'direct',
    })
    expect(direct.json().errors.to).toMatch(/Direct address/)
    const badKind = await post(`${base('sofia')}/summaries/${summaryId}/transmit`, {
      to: 'a@example.org',
      kind: 'fax',
    })
    expect(badKind.statusCode).toBe(400)
    expect(await emailCount()).toBe(before)
  })

  it('sends the XML by email through SMTP, and a Direct address through the Direct relay', async () => {
    const sent = await post(`${base('sofia')}/summaries/${summaryId}/transmit`, {
      to: 'dentist@example.org',
      kind: 'email',
    })
    expect(sent.statusCode).toBe(202)
    const { emailId } = sent.json()
    expect(sent.json().status).toBe('pending')
    const direct = await post(`${base('sofia')}/summaries/${summaryId}/transmit`, {
      to: 'dr.smith@direct.example.org',
      kind: 'direct',
    })
    expect(direct.statusCode).toBe(202)
    await worker().runDue()

    expect(smtp.received.map((mail) => mail.to)).toEqual([['dentist@example.org']])
    expect(directSmtp.received.map((mail) => mail.to)).toEqual([['dr.smith@direct.example.org']])
    const raw = smtp.received[0]?.raw ?? ''
    expect(raw).toMatch(/filename=care-summary-\d{4}-\d{2}-\d{2}\.xml/)
    expect(raw).not.toContain('Sofia')
    const xml = (await get(`${base('sofia')}/summaries/${summaryId}/xml`)).rawPayload
    const firstLine = xml.subarray(0, 57).toString('base64')
    expect(raw.replace(/\r\n/g, '\n')).toContain(firstLine)

    const status = await get(`${base('sofia')}/transmissions/${emailId}`)
    expect(status.json()).toMatchObject({
      id: emailId,
      summaryId,
      to: 'dentist@example.org',
      kind: 'email',
      status: 'sent',
      error: null,
    })
    const directStatus = await get(`${base('sofia')}/transmissions/${direct.json().emailId}`)
    expect(directStatus.json()).toMatchObject({ kind: 'direct', status: 'sent' })
  })

  it('retries a temporary SMTP refusal, shows it pending, then failed after the last attempt', async () => {
    const response = await post(`${base('sofia')}/summaries/${summaryId}/transmit`, {
      to: 'busy@example.org',
      kind: 'email',
    })
    const { emailId } = response.json()
    const run = worker()
    await run.runDue()
    const pending = (await get(`${base('sofia')}/transmissions/${emailId}`)).json()
    expect(pending.status).toBe('pending')
    expect(pending.error).toMatch(/451 Mailbox busy/)
    for (let attempt = 2; attempt <= 5; attempt++) {
      // Skip the growing wait between attempts.
      await suite.db
        .updateTable('jobs')
        .set({ run_at: new Date(Date.now() - 60_000) })
        .where('status', '=', 'queued')
        .execute()
      await run.runDue()
    }
    const failed = (await get(`${base('sofia')}/transmissions/${emailId}`)).json()
    expect(failed.status).toBe('failed')
    expect(failed.error).toMatch(/451 Mailbox busy/)
    expect(await lastEmailJob()).toEqual({ status: 'failed', attempts: 5 })
  })

  it('fails a permanent SMTP refusal at once, without retrying it', async () => {
    const response = await post(`${base('sofia')}/summaries/${summaryId}/transmit`, {
      to: 'reject@example.org',
      kind: 'email',
    })
    const { emailId } = response.json()
    await worker().runDue()
    const failed = (await get(`${base('sofia')}/transmissions/${emailId}`)).json()
    expect(failed.status).toBe('failed')
    expect(failed.error).toMatch(/550 Mailbox unavailable/)
    expect(await lastEmailJob()).toEqual({ status: 'done', attempts: 1 })
  })

  const lastEmailJob = () =>
    suite.db
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .where('kind', '=', 'email.send')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()

  it('shows every view, download and transmission in the activity history', async () => {
    const response = await get(`${base('sofia')}/summary-activity`)
    expect(response.statusCode).toBe(200)
    const { events } = response.json()
    const kinds = events.map((event: { kind: string }) => event.kind)
    expect(new Set(kinds)).toEqual(new Set(['viewed', 'downloaded', 'transmitted']))
    expect(events.every((event: { by: string }) => event.by === 'Maria Garcia')).toBe(true)
    const formats = events
      .filter((event: { kind: string }) => event.kind === 'downloaded')
      .map((event: { format: string }) => event.format)
      .sort()
    expect(formats).toEqual(['package', 'xml', 'xml'])
    const transmissions = events.filter((event: { kind: string }) => event.kind === 'transmitted')
    expect(transmissions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ to: 'dentist@example.org', via: 'email', status: 'sent' }),
        expect.objectContaining({ to: 'dr.smith@direct.example.org', via: 'direct' }),
        expect.objectContaining({ to: 'busy@example.org', status: 'failed' }),
        expect.objectContaining({ to: 'reject@example.org', status: 'failed' }),
      ]),
    )
    const dates = events.map((event: { at: string }) => event.at)
    expect([...dates].sort().reverse()).toEqual(dates)
  })

  describe('access', () => {
    it("keeps Luis out of Sofia's summaries, and other families' ids look absent", async () => {
      expect((await get(`${base('sofia')}/summaries`, suite.cookies.luis)).statusCode).toBe(404)
      expect(
        (await get(`${base('sofia')}/summaries/${summaryId}/html`, suite.cookies.luis)).statusCode,
      ).toBe(404)
      expect((await get(`${base('sofia')}/summary-activity`, suite.cookies.luis)).statusCode).toBe(
        404,
      )
      expect(
        (
          await post(
            `${base('sofia')}/summaries/${summaryId}/transmit`,
            { to: 'x@example.org', kind: 'email' },
            suite.cookies.luis,
          )
        ).statusCode,
      ).toBe(404)
      // Luis's own summary is his; Sofia's id under his own patient id is not found.
      const own = await post(`${base('luis')}/summaries`, {}, suite.cookies.luis)
      expect(own.statusCode).toBe(201)
      expect(
        (await get(`${base('luis')}/summaries/${summaryId}/xml`, suite.cookies.luis)).statusCode,
      ).toBe(404)
      expect((await get(`${base('smith')}/summaries`)).statusCode).toBe(404)
      expect((await get(`${base('sofia')}/summaries/abc/xml`)).statusCode).toBe(400)
    })

    it('answers 403 when the practice switched care summaries off', async () => {
      await withPortalFeatureOff(
        suite,
        suite.family.practiceId,
        'feature_care_summary',
        async () => {
          const response = await get(`${base('sofia')}/summaries`)
          expect(response.statusCode).toBe(403)
          expect(response.json().type).toBe('/problems/feature-disabled')
          expect((await get(`${base('sofia')}/summaries/${summaryId}/html`)).statusCode).toBe(403)
        },
      )
    })
  })
})
