import sharp from 'sharp'
import { beforeAll, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { updatePatient } from '../../testing/fixtures.ts'
import { syncClient } from '../testing.ts'
import { documents, imageCategories } from './images.ts'
import { useSyncedFamily } from './testing.ts'

describeEachDatabase('sync collections: messages from the PMS', (kind) => {
  const family = useSyncedFamily(kind)
  let png: Buffer
  const sentAt = new Date(Date.now() - 60 * 60 * 1000).toISOString()
  const message = (extra: object = {}) => ({
    patientExternalId: 'sofia',
    direction: 'ToPatient',
    providerExternalId: 'ana',
    subject: 'Orthodontic referral',
    body: 'Sofia needs a braces consultation; the referral is attached.',
    sentAt,
    kind: 'SecureEmail',
    attachments: [{ documentExternalId: 'doc-sofia' }],
    ...extra,
  })

  beforeAll(async () => {
    png = await sharp({
      create: { width: 20, height: 20, channels: 3, background: { r: 90, g: 90, b: 90 } },
    })
      .png()
      .toBuffer()
    await updatePatient(family.db, family.seeded.patients.maria, { email: 'maria@example.test' })
    await family.put(imageCategories, 'cat-letters', { name: 'Letters', showInPortal: false })
    for (const patient of ['sofia', 'luis']) {
      await family.put(documents, `doc-${patient}`, {
        patientExternalId: patient,
        categoryExternalId: 'cat-letters',
        fileName: 'referral.png',
        contentType: 'image/png',
        takenAt: sentAt,
        file: png.toString('base64'),
      })
    }
  })

  const portal = async (url: string) =>
    family.app.inject({ method: 'GET', url, headers: { cookie: family.maria } })
  const inbox = async () =>
    (await portal('/api/portal/messages?box=inbox')).json().messages as {
      id: number
      subject: string
      kind: string
      attachmentCount: number
      patient: { id: number }
    }[]
  const notifications = async () =>
    family.db
      .selectFrom('outgoing_emails')
      .select(['subject', 'text_body'])
      .where('practice_id', '=', family.practiceId)
      .where('kind', '=', 'webmail-notification')
      .execute()

  it("shows a PUT message in the patient's Messages tab, marked, with its attachment", async () => {
    const put = await family.call('PUT', 'messages/m-1', message())
    expect(put.statusCode).toBe(200)
    expect(put.headers['sync-outcome']).toBe('created')
    const shown = (await inbox()).find((item) => item.subject === 'Orthodontic referral')
    expect(shown).toMatchObject({
      kind: 'SecureEmail',
      attachmentCount: 1,
      patient: { id: family.seeded.patients.sofia },
    })
    const opened = (await portal(`/api/portal/messages/${shown?.id}`)).json()
    expect(opened.body).toBe(message().body)
    const [attachment] = opened.attachments
    expect(attachment).toMatchObject({ fileName: 'referral.png', contentType: 'image/png' })
    const download = await portal(`/api/portal/messages/${shown?.id}/attachments/${attachment.id}`)
    expect(download.statusCode).toBe(200)
    expect(download.rawPayload).toEqual(png)
  })

  it('queues one notification without a word of the message, and none on a replay', async () => {
    const sent = await notifications()
    expect(sent).toHaveLength(1)
    const email = JSON.stringify(sent)
    for (const word of ['Orthodontic', 'referral', 'braces', 'Sofia']) {
      expect(email).not.toContain(word)
    }
    const before = await family.rowVersion('messages', 'm-1')
    const first = await family.call('GET', 'messages/m-1')
    const again = await family.call('PUT', 'messages/m-1', message())
    expect(again.statusCode).toBe(200)
    expect(again.headers['sync-outcome']).toBe('unchanged')
    expect(again.json()).toEqual(first.json())
    expect(await family.rowVersion('messages', 'm-1')).toBe(before)
    expect(await notifications()).toHaveLength(1)
    // A change is written (the portal shows it) but is no new message: no second email.
    const edited = await family.call('PUT', 'messages/m-1', message({ subject: 'Referral' }))
    expect(edited.headers['sync-outcome']).toBe('updated')
    expect(await notifications()).toHaveLength(1)
    await family.call('PUT', 'messages/m-1', message())
  })

  it('does not notify for old messages loaded as history', async () => {
    const old = await family.call(
      'PUT',
      'messages/m-old',
      message({ sentAt: '2024-01-05T10:00:00.000Z' }),
    )
    expect(old.headers['sync-outcome']).toBe('created')
    expect(await notifications()).toHaveLength(1)
    await family.call('DELETE', 'messages/m-old')
  })

  it("keeps another practice's key from seeing or touching it", async () => {
    const other = await syncClient(family.app, family.db, 'Another practice')
    expect((await other.call('GET', 'messages/m-1')).statusCode).toBe(404)
    expect((await other.call('DELETE', 'messages/m-1')).headers['sync-outcome']).toBe('absent')
    const put = await other.call('PUT', 'messages/m-1', message({ attachments: [] }))
    expect(put.statusCode).toBe(422)
    expect(put.json().errors).toHaveProperty('patientExternalId')
    expect((await family.call('GET', 'messages/m-1')).json().subject).toBe('Orthodontic referral')
  })

  it('refuses an attachment naming an unknown document with a 422 naming the field', async () => {
    const put = await family.call(
      'PUT',
      'messages/m-2',
      message({
        attachments: [{ documentExternalId: 'doc-sofia' }, { documentExternalId: 'nope' }],
      }),
    )
    expect(put.statusCode).toBe(422)
    expect(put.json().errors).toHaveProperty(['attachments/1/documentExternalId'])
    expect((await family.call('GET', 'messages/m-2')).statusCode).toBe(404)
  })

  it("refuses attaching another patient's document to a message about Sofia", async () => {
    const put = await family.call(
      'PUT',
      'messages/m-3',
      message({ attachments: [{ documentExternalId: 'doc-luis' }] }),
    )
    expect(put.statusCode).toBe(422)
    expect(put.json().errors).toHaveProperty(['attachments/0/documentExternalId'])
    expect((await family.call('GET', 'messages/m-3')).statusCode).toBe(404)
  })

  it('refuses messages from the patient: those are written in the portal', async () => {
    const put = await family.call('PUT', 'messages/m-4', message({ direction: 'ToPractice' }))
    expect(put.statusCode).toBe(400)
    expect((await family.call('GET', 'messages/m-4')).statusCode).toBe(404)
  })

  it("leaves a patient's own message alone when a PMS names its external id", async () => {
    // A message Maria wrote in the portal, filed under an id the PMS then reuses.
    const written = await family.db
      .insertInto('messages')
      .values({
        practice_id: family.practiceId,
        patient_id: family.seeded.patients.sofia,
        direction: 'ToPractice',
        subject: 'Braces question',
        body: 'Does Sofia need a retainer?',
        sent_at: new Date(),
        external_id: 'm-patient',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const put = await family.call('PUT', 'messages/m-patient', message())
    expect(put.statusCode).toBe(409)
    expect((await family.call('GET', 'messages/m-patient')).statusCode).toBe(404)
    expect((await family.call('DELETE', 'messages/m-patient')).statusCode).toBe(409)
    const kept = await family.db
      .selectFrom('messages')
      .select(['direction', 'body'])
      .where('id', '=', written.id)
      .executeTakeFirstOrThrow()
    expect(kept).toEqual({ direction: 'ToPractice', body: 'Does Sofia need a retainer?' })
  })

  it('hides a deleted message from the portal; deleting again finds nothing', async () => {
    const deleted = await family.call('DELETE', 'messages/m-1')
    expect(deleted.headers['sync-outcome']).toBe('deleted')
    expect((await inbox()).map((item) => item.subject)).not.toContain('Orthodontic referral')
    expect((await family.call('DELETE', 'messages/m-1')).headers['sync-outcome']).toBe('absent')
  })
})
