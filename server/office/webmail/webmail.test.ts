import { sql } from 'kysely'
import type { Static } from 'typebox'
import { beforeAll, expect, it } from 'vitest'
import { createBackgroundWorker } from '../../background.ts'
import { findColumnById } from '../../platform/db/rows.ts'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { SEND_EMAIL_JOB } from '../../platform/mail/outbox.ts'
import { auditRowsOf } from '../../testing/audit.ts'
import { seedPatient, seedPractice, seedStaff, updatePatient } from '../../testing/fixtures.ts'
import { browserPost } from '../../testing/http.ts'
import { readableText, startLoopbackSmtp } from '../../testing/smtp.ts'
import { familyRequests, signedInStaff, useFamilyApp } from '../../testing/suite.ts'
import type { OfficeComposeBody } from './schemas.ts'

/** The smallest PDF a reader opens: what the bytes are, whatever the name says. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

describeEachDatabase('office: WebMail', (kind) => {
  const suite = useFamilyApp(kind)
  const family = familyRequests(suite)
  let frontDesk = { id: 0, cookie: '' }
  let providerStaff = { id: 0, cookie: '' }
  let providerId = 0
  let fromMaria = 0

  const office = {
    get: (url: string, cookie = frontDesk.cookie) => suite.app.inject({ url, headers: { cookie } }),
    post: (url: string, payload: object, cookie = frontDesk.cookie) =>
      browserPost(suite.app, url, payload, cookie),
  }
  /** The front desk writes to Maria from the office's shared box (no provider's). */
  const writeToMaria = (
    letter: Omit<Static<typeof OfficeComposeBody>, 'patientId' | 'providerId'>,
  ) =>
    office.post('/api/office/webmail', {
      patientId: suite.family.patients.maria,
      providerId: null,
      ...letter,
    })
  const messageCount = async () =>
    (await suite.db.selectFrom('messages').select('id').execute()).length

  beforeAll(async () => {
    frontDesk = await signedInStaff(suite, {
      practiceId: suite.family.practiceId,
      username: 'desk',
      role: 'front_desk',
    })
    providerStaff = await signedInStaff(suite, {
      practiceId: suite.family.practiceId,
      username: 'ana',
      role: 'provider',
    })
    const provider = await suite.db.selectFrom('providers').select('id').executeTakeFirstOrThrow()
    providerId = provider.id
    await updatePatient(suite.db, suite.family.patients.maria, { email: 'maria@example.test' })
    const sent = await family.post('/api/portal/messages', {
      regardingPatientId: suite.family.patients.sofia,
      providerId,
      subject: 'Toothache',
      body: 'Sofia has had a toothache since Tuesday.',
    })
    fromMaria = sent.json().id
  })

  it('shows the patient’s message in the provider’s inbox, unread, with the counts', async () => {
    const response = await office.get(`/api/office/webmail?provider=${providerId}`)
    expect(response.statusCode).toBe(200)
    const view = response.json()
    expect(view.messages[0]).toMatchObject({
      id: fromMaria,
      unread: true,
      handled: false,
      from: 'Maria Garcia',
      patient: { name: 'Sofia Garcia' },
    })
    expect(view.inboxes).toContainEqual({
      provider: { id: providerId, name: 'Ana Lindqvist, DDS' },
      unread: 1,
    })
    const shared = (await office.get('/api/office/webmail?provider=office')).json()
    expect(shared.messages.map((m: { id: number }) => m.id)).not.toContain(fromMaria)
    const bySofia = (
      await office.get(`/api/office/webmail?patientId=${suite.family.patients.sofia}&status=unread`)
    ).json()
    expect(bySofia.messages.map((m: { id: number }) => m.id)).toEqual([fromMaria])
  })

  it('records who read it, once, and lets staff mark it unread and handled', async () => {
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => office.get(`/api/office/webmail/${fromMaria}`)),
    )
    for (const response of burst) expect(response.json()).toMatchObject({ unread: false })
    const row = await suite.db
      .selectFrom('messages')
      .select(['read_by_practice_at', 'read_by_staff_user_id'])
      .where('id', '=', fromMaria)
      .executeTakeFirstOrThrow()
    expect(row.read_by_practice_at).not.toBeNull()
    expect(row.read_by_staff_user_id).toBe(frontDesk.id)
    const reads = await auditRowsOf(suite.db, 'message.read', fromMaria)
    expect(reads.map((read) => read.staff_user_id)).toEqual([frontDesk.id])

    expect(
      (await office.post(`/api/office/webmail/${fromMaria}/state`, { unread: true })).statusCode,
    ).toBe(204)
    expect((await office.get(`/api/office/webmail?status=unread`)).json().messages[0].id).toBe(
      fromMaria,
    )
    await office.post(`/api/office/webmail/${fromMaria}/state`, { handled: true })
    const handled = (await office.get('/api/office/webmail?status=handled')).json()
    expect(handled.messages.map((m: { id: number }) => m.id)).toEqual([fromMaria])
  })

  it('replies with an attachment; the family is told by an email holding none of its words', async () => {
    const reply = await office.post(
      '/api/office/webmail',
      {
        patientId: suite.family.patients.sofia,
        providerId,
        subject: 'RE: Toothache',
        body: 'Please bring Sofia in tomorrow; the referral letter for the endodontist is attached.',
        inReplyToId: fromMaria,
        attachments: [{ fileName: 'referral letter.pdf', contentBase64: PDF.toString('base64') }],
      },
      providerStaff.cookie,
    )
    expect(reply.statusCode).toBe(201)
    const sent = reply.json()
    expect(sent).toMatchObject({
      inReplyToId: fromMaria,
      attachments: [{ contentType: 'application/pdf' }],
    })
    // Sending shows the reply back without opening it: no false "viewed" row.
    expect(await auditRowsOf(suite.db, 'message.viewed', sent.id)).toEqual([])

    const emails = await suite.db
      .selectFrom('outgoing_emails')
      .select(['to_address', 'subject', 'text_body', 'html_body'])
      .where('kind', '=', 'webmail-notification')
      .execute()
    expect(emails.map((email) => email.to_address)).toEqual(['maria@example.test'])
    const email = JSON.stringify(emails[0]).toLowerCase()
    for (const word of ['toothache', 'referral', 'endodontist', 'sofia', 'lindqvist', 'tomorrow']) {
      expect(email).not.toContain(word)
    }

    // Maria sees it in bold, opens it, and downloads the letter; Luis and Ann cannot.
    const inbox = (await family.get('/api/portal/messages')).json()
    expect(inbox.messages[0]).toMatchObject({ id: sent.id, unread: true, attachmentCount: 1 })
    const opened = (await family.get(`/api/portal/messages/${sent.id}`)).json()
    const attachmentId = opened.attachments[0].id
    const url = `/api/portal/messages/${sent.id}/attachments/${attachmentId}`
    const download = await family.get(url)
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-disposition']).toContain('attachment')
    expect(download.rawPayload.equals(PDF)).toBe(true)
    expect((await family.get(url, suite.cookies.luis)).statusCode).toBe(404)
    expect((await family.get(url, suite.cookies.ann)).statusCode).toBe(404)
  })

  it('keeps a reply on the patient of the message it answers, and sends nothing otherwise', async () => {
    const before = await messageCount()
    const elsewhere = await writeToMaria({
      subject: 'RE: Toothache',
      body: 'About someone else.',
      inReplyToId: fromMaria,
    })
    expect(elsewhere.statusCode).toBe(400)
    expect(elsewhere.json().errors).toHaveProperty('patientId')
    expect(await messageCount()).toBe(before)
  })

  it('refuses a file that is not what it claims, and sends nothing', async () => {
    const before = await messageCount()
    const response = await writeToMaria({
      subject: 'Your letter',
      body: 'Attached.',
      attachments: [
        {
          fileName: 'letter.pdf',
          contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64'),
        },
      ],
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().errors).toHaveProperty('attachments/0')
    expect(await messageCount()).toBe(before)
  })

  it('assigns a patient’s message to an active colleague of the practice, and clears it', async () => {
    const assign = (messageId: number, staffId: number | null, cookie = frontDesk.cookie) =>
      office.post(`/api/office/webmail/${messageId}/assignee`, { staffId }, cookie)
    const assignedTo = () => findColumnById(suite.db, 'messages', fromMaria, 'assigned_staff_id')

    const box = (await office.get('/api/office/webmail')).json()
    expect(box.colleagues).toContainEqual({ id: providerStaff.id, name: 'ana' })

    expect((await assign(fromMaria, providerStaff.id)).statusCode).toBe(204)
    expect(await assignedTo()).toBe(providerStaff.id)
    const opened = (await office.get(`/api/office/webmail/${fromMaria}`)).json()
    expect(opened.assignee).toEqual({ id: providerStaff.id, name: 'ana' })
    const mine = (await office.get('/api/office/webmail?assigned=me', providerStaff.cookie)).json()
    expect(mine.messages.map((m: { id: number }) => m.id)).toEqual([fromMaria])
    expect(mine.messages[0].assignee).toEqual({ id: providerStaff.id, name: 'ana' })
    const notMine = (await office.get('/api/office/webmail?assigned=me')).json()
    expect(notMine.messages).toEqual([])
    const audited = await suite.db
      .selectFrom('audit_events')
      .select(['staff_user_id', 'details'])
      .where('action', '=', 'message.assigned')
      .where('target_id', '=', String(fromMaria))
      .execute()
    expect(audited).toEqual([
      {
        staff_user_id: frontDesk.id,
        details: { assignedStaffId: providerStaff.id, previousStaffId: null },
      },
    ])

    // Another practice's staff member, an inactive colleague: refused, nothing changes.
    const other = await seedPractice(suite.db, { name: 'Other Dental' })
    const stranger = await seedStaff(suite.db, { practiceId: other, username: 'stranger' })
    const refused = await assign(fromMaria, stranger)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().errors).toHaveProperty('staffId')
    const gone = await seedStaff(suite.db, {
      practiceId: suite.family.practiceId,
      username: 'gone',
    })
    await suite.db
      .updateTable('staff_users')
      .set({ is_active: false })
      .where('id', '=', gone)
      .execute()
    expect((await assign(fromMaria, gone)).statusCode).toBe(400)
    expect(await assignedTo()).toBe(providerStaff.id)

    // Another practice's message is not found; patients are refused.
    const theirPatient = await seedPatient(suite.db, { practiceId: other })
    const theirs = await suite.db
      .insertInto('messages')
      .values({
        practice_id: other,
        patient_id: theirPatient,
        direction: 'ToPractice',
        subject: 'Theirs',
        body: 'Not yours.',
        sent_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect((await assign(theirs.id, frontDesk.id)).statusCode).toBe(404)
    expect((await assign(fromMaria, null, suite.cookies.maria)).statusCode).toBe(401)
    expect(await assignedTo()).toBe(providerStaff.id)

    expect((await assign(fromMaria, null)).statusCode).toBe(204)
    expect(await assignedTo()).toBeNull()
    expect((await office.get(`/api/office/webmail/${fromMaria}`)).json().assignee).toBeNull()
  })

  it('keeps WebMail to staff: patients and signed-out callers are refused', async () => {
    expect((await office.get('/api/office/webmail', '')).statusCode).toBe(401)
    expect((await office.get('/api/office/webmail', suite.cookies.maria)).statusCode).toBe(401)
  })

  it('keeps the notification while the mail server is down, and sends it once it is back', async () => {
    const smtp = await startLoopbackSmtp()
    const port = Number(new URL(smtp.url).port)
    await smtp.close()
    const worker = createBackgroundWorker({
      db: suite.db,
      files: suite.files,
      config: { smtpUrl: smtp.url, mailFrom: 'office@example.test', smtpTimeoutSeconds: 2 },
      pollMilliseconds: 20,
    })
    const sent = await writeToMaria({
      subject: 'Your crown',
      body: 'The lab has sent your crown back.',
    })
    expect(sent.statusCode).toBe(201)
    const queued = () =>
      suite.db
        .selectFrom('outgoing_emails')
        .select(['id', 'status', 'error'])
        .where('kind', '=', 'webmail-notification')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    const emailId = (await queued()).id
    // Earlier tests' notifications are sent or waiting too: only this one is run here.
    await suite.db
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() + 3_600_000) })
      .where('kind', '=', SEND_EMAIL_JOB)
      .where('status', '=', 'queued')
      .where(sql<string>`payload->>'emailId'`, '!=', String(emailId))
      .execute()
    const due = () =>
      suite.db
        .updateTable('jobs')
        .set({ run_at: new Date(Date.now() - 60_000) })
        .where(sql<string>`payload->>'emailId'`, '=', String(emailId))
        .where('status', '=', 'queued')
        .execute()

    await due()
    expect(await worker.runDue()).toBe(1)
    expect(await queued()).toMatchObject({
      id: emailId,
      status: 'queued',
      error: expect.any(String),
    })
    // The message itself was never waiting on the mail: Maria reads it meanwhile.
    const inbox = (await family.get('/api/portal/messages')).json()
    expect(inbox.messages[0]).toMatchObject({ id: sent.json().id, subject: 'Your crown' })

    const back = await startLoopbackSmtp({ port })
    try {
      await due()
      expect(await worker.runDue()).toBe(1)
      expect(await queued()).toMatchObject({ id: emailId, status: 'sent', error: null })
      expect(back.recipients()).toEqual(['maria@example.test'])
      const text = readableText(back.received[0] as NonNullable<(typeof back.received)[0]>)
      expect(text.toLowerCase()).not.toContain('crown')
    } finally {
      await back.close()
    }
  }, 30_000)
})
