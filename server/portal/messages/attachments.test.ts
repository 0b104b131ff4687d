import { beforeAll, beforeEach, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { familyRequests, signedInStaff, useFamilyApp } from '../../testing/suite.ts'

/** The smallest PDF a reader opens: what the bytes are, whatever the name says. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
const HTML = Buffer.from('<html><script>alert(1)</script></html>')

describeEachDatabase('portal: attachments to messages (Portal Settings decide)', (kind) => {
  const suite = useFamilyApp(kind)
  const http = familyRequests(suite)
  let staffCookie = ''

  const allow = (allowed: boolean, maxBytes = 1024 * 1024) =>
    suite.db
      .updateTable('portal_settings')
      .set({ webmail_patient_attachments: allowed, webmail_attachment_max_bytes: maxBytes })
      .where('practice_id', '=', suite.family.practiceId)
      .execute()
  const send = (files: { fileName: string; bytes: Buffer }[]) =>
    http.post('/api/portal/messages', {
      regardingPatientId: suite.family.patients.sofia,
      providerId: null,
      subject: 'X-ray from the other clinic',
      body: 'Attached, as you asked.',
      attachments: files.map((file) => ({
        fileName: file.fileName,
        contentBase64: file.bytes.toString('base64'),
      })),
    })
  const counts = async () => {
    const [messages, attachments] = await Promise.all([
      suite.db
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
      suite.db
        .selectFrom('message_attachments')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
    ])
    return { messages: Number(messages.n), attachments: Number(attachments.n) }
  }

  beforeAll(async () => {
    const staff = await signedInStaff(suite, {
      practiceId: suite.family.practiceId,
      username: 'desk',
      role: 'front_desk',
    })
    staffCookie = staff.cookie
  })
  beforeEach(() => allow(true))

  it('offers attaching only when the practice allows it, with its limit', async () => {
    expect((await http.get('/api/portal/messages/recipients')).json()).toMatchObject({
      attachmentsAllowed: true,
      attachmentMaxBytes: 1024 * 1024,
    })
    await allow(false)
    expect((await http.get('/api/portal/messages/recipients')).json()).toMatchObject({
      attachmentsAllowed: false,
      attachmentMaxBytes: 0,
    })
  })

  it('sends a PDF and an image; the office sees and downloads them; the event names them', async () => {
    const response = await send([
      { fileName: 'x-ray.pdf', bytes: PDF },
      { fileName: 'photo.png', bytes: PNG },
    ])
    expect(response.statusCode).toBe(201)
    const sent = response.json()
    expect(sent.attachments).toMatchObject([
      { fileName: 'x-ray.pdf', contentType: 'application/pdf', sizeBytes: PDF.length },
      { fileName: 'photo.png', contentType: 'image/png', sizeBytes: PNG.length },
    ])

    const opened = await suite.app.inject({
      url: `/api/office/webmail/${sent.id}`,
      headers: { cookie: staffCookie },
    })
    expect(opened.json()).toMatchObject({ attachmentCount: 2 })
    const pdf = opened.json().attachments[0]
    const download = await suite.app.inject({
      url: `/api/office/webmail/${sent.id}/attachments/${pdf.id}`,
      headers: { cookie: staffCookie },
    })
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(download.headers['content-disposition']).toContain('attachment; filename="x-ray.pdf"')
    expect(download.rawPayload.equals(PDF)).toBe(true)

    const event = await suite.db
      .selectFrom('sync_events')
      .select('payload')
      .where('kind', '=', 'message.sent')
      .where('entity_id', '=', sent.id)
      .executeTakeFirstOrThrow()
    expect(event.payload).toMatchObject({
      attachmentIds: sent.attachments.map((a: { id: number }) => a.id),
    })
  })

  it('refuses any attachment when the practice does not allow them, and stores nothing', async () => {
    await allow(false)
    const before = await counts()
    const response = await send([{ fileName: 'x-ray.pdf', bytes: PDF }])
    expect(response.statusCode).toBe(400)
    expect(response.json().errors).toEqual({
      'attachments/0': 'The practice does not accept attachments.',
    })
    expect(await counts()).toEqual(before)
  })

  it('refuses a file over the practice’s size limit', async () => {
    await allow(true, 65_536)
    const big = Buffer.concat([PDF, Buffer.alloc(65_536)])
    const before = await counts()
    const response = await send([{ fileName: 'scan.pdf', bytes: big }])
    expect(response.statusCode).toBe(400)
    expect(response.json().errors['attachments/0']).toBe('Attach a file up to 0.1 MB.')
    expect(await counts()).toEqual(before)
  })

  it('decides the type by the bytes: HTML named .pdf is refused', async () => {
    const before = await counts()
    const response = await send([
      { fileName: 'fine.pdf', bytes: PDF },
      { fileName: 'invoice.pdf', bytes: HTML },
    ])
    expect(response.statusCode).toBe(400)
    expect(response.json().errors).toEqual({
      'attachments/1': 'Attach an image (PNG, JPEG, GIF) or a PDF.',
    })
    expect(await counts()).toEqual(before)
  })

  it('refuses more files than a message may carry', async () => {
    const file = { fileName: 'x.pdf', bytes: PDF }
    const response = await send([file, file, file, file])
    expect(response.statusCode).toBe(400)
  })
})
