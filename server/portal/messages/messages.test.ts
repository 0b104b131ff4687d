import { beforeAll, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { auditRowsOf } from '../../testing/audit.ts'
import { familyRequests, useFamilyApp } from '../../testing/suite.ts'

const HOUR = 3_600_000

describeEachDatabase('portal: messages (Secure WebMail)', (kind) => {
  const suite = useFamilyApp(kind)
  const http = familyRequests(suite)
  let providerId = 0

  /** A message from the office to the family, as the PMS or a staff member writes it. */
  async function fromOffice(patientId: number, subject: string, sentAt = new Date()) {
    const row = await suite.db
      .insertInto('messages')
      .values({
        practice_id: suite.family.practiceId,
        patient_id: patientId,
        direction: 'ToPatient',
        provider_id: providerId,
        subject,
        body: `Body of ${subject}`,
        sent_at: sentAt,
        read_by_practice_at: sentAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }
  const messageCount = async () => {
    const row = await suite.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  const compose = (extra: object = {}) => ({
    regardingPatientId: suite.family.patients.sofia,
    providerId,
    subject: 'Sofia’s braces',
    body: 'Her wire came loose.\nCan we come in?',
    ...extra,
  })

  beforeAll(async () => {
    const provider = await suite.db
      .selectFrom('providers')
      .select('id')
      .where('practice_id', '=', suite.family.practiceId)
      .executeTakeFirstOrThrow()
    providerId = provider.id
  })

  it('lets a representative write regarding a family member she represents', async () => {
    const response = await http.post('/api/portal/messages', compose())
    expect(response.statusCode).toBe(201)
    const sent = response.json()
    expect(sent).toMatchObject({
      direction: 'ToPractice',
      subject: 'Sofia’s braces',
      body: 'Her wire came loose.\nCan we come in?',
      patient: { id: suite.family.patients.sofia, name: 'Sofia Garcia' },
      provider: { id: providerId, name: 'Ana Lindqvist, DDS' },
      from: 'Maria Garcia',
      unread: false,
    })
    const sentBox = (await http.get('/api/portal/messages?box=sent')).json()
    expect(sentBox.messages.map((m: { id: number }) => m.id)).toContain(sent.id)

    const event = await suite.db
      .selectFrom('sync_events')
      .select(['payload'])
      .where('kind', '=', 'message.sent')
      .where('entity_id', '=', sent.id)
      .executeTakeFirstOrThrow()
    expect(event.payload).toMatchObject({ messageId: sent.id, inReplyToId: null })
    // The event names the message; its words never travel in the feed.
    expect(JSON.stringify(event.payload)).not.toContain('wire')
    const audit = await suite.db
      .selectFrom('audit_events')
      .select(['portal_user_id', 'patient_id', 'details'])
      .where('action', '=', 'message.sent')
      .where('target_id', '=', String(sent.id))
      .executeTakeFirstOrThrow()
    expect(audit).toMatchObject({
      portal_user_id: suite.family.users.maria,
      patient_id: suite.family.patients.sofia,
    })
    // Sending shows the message back without opening it: no one viewed it yet.
    expect(await auditRowsOf(suite.db, 'message.viewed', sent.id)).toEqual([])
  })

  it('refuses a patient writing regarding someone they do not represent, writing nothing', async () => {
    const before = await messageCount()
    const luis = await http.post('/api/portal/messages', compose(), suite.cookies.luis)
    expect(luis.statusCode).toBe(404)
    const ann = await http.post('/api/portal/messages', compose(), suite.cookies.ann)
    expect(ann.statusCode).toBe(404)
    expect(await messageCount()).toBe(before)
    const own = await http.post(
      '/api/portal/messages',
      compose({ regardingPatientId: suite.family.patients.luis, providerId: null }),
      suite.cookies.luis,
    )
    expect(own.statusCode).toBe(201)
    expect(own.json().provider).toBeNull()
  })

  it('refuses a blank or too long message and an unknown provider with field errors', async () => {
    const before = await messageCount()
    const long = await http.post('/api/portal/messages', compose({ body: 'x'.repeat(10_001) }))
    expect(long.statusCode).toBe(400)
    const blank = await http.post('/api/portal/messages', compose({ subject: '   ' }))
    expect(blank.statusCode).toBe(400)
    expect(blank.json().errors).toHaveProperty('subject')
    const stranger = await http.post('/api/portal/messages', compose({ providerId: 999_999 }))
    expect(stranger.statusCode).toBe(400)
    expect(stranger.json().errors).toHaveProperty('providerId')
    expect(await messageCount()).toBe(before)
    const longest = await http.post('/api/portal/messages', compose({ body: 'y'.repeat(10_000) }))
    expect(longest.statusCode).toBe(201)
  })

  it('shows the family its inbox, unread first in bold, and keeps other families out', async () => {
    const id = await fromOffice(suite.family.patients.sofia, 'Your X-rays are ready')
    const inbox = (await http.get('/api/portal/messages?box=inbox')).json()
    expect(inbox.unread).toBeGreaterThanOrEqual(1)
    expect(inbox.messages[0]).toMatchObject({
      id,
      unread: true,
      from: 'Ana Lindqvist, DDS',
      patient: { name: 'Sofia Garcia' },
    })
    const ann = await http.get(`/api/portal/messages/${id}`, suite.cookies.ann)
    expect(ann.statusCode).toBe(404)
    const luis = await http.get(`/api/portal/messages/${id}`, suite.cookies.luis)
    expect(luis.statusCode).toBe(404)
    const luisInbox = (await http.get('/api/portal/messages', suite.cookies.luis)).json()
    expect(luisInbox.messages.map((m: { id: number }) => m.id)).not.toContain(id)
    const stillUnread = await suite.db
      .selectFrom('messages')
      .select('read_by_patient_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(stillUnread.read_by_patient_at).toBeNull()
  })

  it('records the first opening once, however many open it at the same time', async () => {
    const id = await fromOffice(suite.family.patients.maria, 'Insurance card')
    const unreadBefore = (await http.get('/api/portal/messages/unread')).json().unread
    const burst = await Promise.all(
      Array.from({ length: 12 }, () => http.get(`/api/portal/messages/${id}`)),
    )
    for (const response of burst) {
      expect(response.statusCode).toBe(200)
      expect(response.json()).toMatchObject({ id, unread: false, body: 'Body of Insurance card' })
    }
    expect(await auditRowsOf(suite.db, 'message.read', id)).toHaveLength(1)
    expect(await auditRowsOf(suite.db, 'message.viewed', id)).toHaveLength(12)
    const row = await suite.db
      .selectFrom('messages')
      .select('read_by_patient_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.read_by_patient_at).not.toBeNull()
    expect((await http.get('/api/portal/messages/unread')).json().unread).toBe(unreadBefore - 1)
  })

  it('keeps a reply in its thread and about the same patient', async () => {
    const original = await fromOffice(suite.family.patients.sofia, 'Appointment change')
    const reply = await http.post(
      '/api/portal/messages',
      compose({ subject: 'RE: Appointment change', inReplyToId: original }),
    )
    expect(reply.statusCode).toBe(201)
    expect(reply.json().inReplyToId).toBe(original)
    const elsewhere = await http.post(
      '/api/portal/messages',
      compose({ regardingPatientId: suite.family.patients.luis, inReplyToId: original }),
    )
    expect(elsewhere.statusCode).toBe(400)
    // Another family's thread cannot be answered (or learnt of).
    const ann = await http.post(
      '/api/portal/messages',
      compose({ regardingPatientId: suite.family.patients.smith, inReplyToId: original }),
      suite.cookies.ann,
    )
    expect(ann.statusCode).toBe(404)
  })

  it('pages a long inbox newest first with no message twice or missed', async () => {
    const start = Date.now() - 1000 * HOUR
    const ids: number[] = []
    for (let index = 0; index < 60; index++) {
      // Pairs share a time: the id breaks the tie.
      ids.push(
        await fromOffice(
          suite.family.patients.mateo,
          `Note ${index}`,
          new Date(start + Math.floor(index / 2) * HOUR),
        ),
      )
    }
    const seen: number[] = []
    let before: string | null = null
    let pages = 0
    do {
      const query: string = before ? `&before=${before}` : ''
      const page = (await http.get(`/api/portal/messages?box=inbox${query}`)).json()
      expect(page.messages.length).toBeLessThanOrEqual(25)
      seen.push(...page.messages.map((m: { id: number }) => m.id))
      before = page.next
      pages++
    } while (before && pages < 50)
    const mine = seen.filter((id) => ids.includes(id))
    // Newest first; of two sent at the same time, the later written first.
    expect(mine).toEqual([...ids].reverse())
    expect(new Set(seen).size).toBe(seen.length)
    const bad = await http.get('/api/portal/messages?before=not-a-cursor')
    expect(bad.statusCode).toBe(400)
  })

  it('answers 403 when the practice has WebMail switched off', async () => {
    await suite.db.updateTable('portal_settings').set({ feature_webmail: false }).execute()
    try {
      // On PostgreSQL the kept session context hears of the change a moment later.
      await expect.poll(async () => (await http.get('/api/portal/messages')).statusCode).toBe(403)
      expect((await http.post('/api/portal/messages', compose())).statusCode).toBe(403)
    } finally {
      await suite.db.updateTable('portal_settings').set({ feature_webmail: true }).execute()
    }
  })
})
