import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import sharp from 'sharp'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildApp } from './app.ts'
import { createBackgroundWorker } from './background.ts'
import { loadConfig } from './config.ts'
import { type DatabaseHandle, openDatabase } from './platform/db/database.ts'
import { startReadCache } from './platform/db/read-cache.ts'
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from './platform/db/testing.ts'
import { openFileStorage } from './platform/files/open.ts'
import { queueEmail } from './platform/mail/outbox.ts'
import { createSecretBox, loadSecretKey } from './platform/mail/secrets.ts'
import { createSyncKey } from './sync/keys.ts'
import { FAMILY_PASSWORD, inviteForMateosRecall, seedFamilyWithRecords } from './testing/family.ts'
import { TEST_ORIGIN } from './testing/http.ts'
import { startLoopbackS3 } from './testing/s3.ts'
import { type LoopbackSmtp, startLoopbackSmtp } from './testing/smtp.ts'

/**
 * Two Bitewing instances behind one proxy: each its own app, read cache, change feed, background
 * worker and connection pool (on PostgreSQL), sharing only the database and the bucket, as
 * docs/deploy.md sets them up. On the embedded database, which one process owns, the two share
 * its handle; everything else is still each instance's own.
 */
describeEachDatabase('two instances on one database and one bucket', (kind) => {
  let database: TestDatabase
  let second: DatabaseHandle | undefined
  let s3: Awaited<ReturnType<typeof startLoopbackS3>>
  let smtp: LoopbackSmtp
  let a: Instance
  let b: Instance
  let family: Awaited<ReturnType<typeof seedFamilyWithRecords>>
  let syncKey = ''
  const recalls = { luis: 0, mateo: 0 }

  beforeAll(async () => {
    s3 = await startLoopbackS3()
    smtp = await startLoopbackSmtp()
    database = await createTestDatabase(kind)
    second = kind === 'postgres' ? await openSameSchema(database) : undefined
    // Both are given the same environment, as every instance behind the proxy is.
    const env = {
      ...s3.env('practice'),
      SMTP_URL: smtp.url,
      SECRET_KEY: randomBytes(32).toString('hex'),
    }
    a = await startInstance(database, { ...env, MAIL_FROM: 'Bitewing A <a@bitewing.test>' })
    b = await startInstance(second ?? database, {
      ...env,
      MAIL_FROM: 'Bitewing B <b@bitewing.test>',
    })
    family = await seedFamilyWithRecords(database.db, { files: a.files })
    const { practiceId } = family
    for (const [name, id] of Object.entries(family.patients)) {
      await database.db
        .updateTable('patients')
        .set({ external_id: name })
        .where('id', '=', id)
        .execute()
    }
    syncKey = (await createSyncKey(database.db, practiceId, 'Garcia family PMS')).key
    recalls.mateo = family.recall
    recalls.luis = await inviteForMateosRecall(database.db, family, family.patients.luis)
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
    await second?.close()
    await database?.destroy()
    await smtp?.close()
    await s3?.close()
  })

  const sync = (instance: Instance, method: 'PUT' | 'GET', path: string, body?: object) =>
    fetch(`${instance.origin}/api/sync/v1/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${syncKey}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })
  const signIn = async (instance: Instance, username: string) => {
    const response = await fetch(`${instance.origin}/api/portal/session`, {
      method: 'POST',
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: FAMILY_PASSWORD }),
    })
    expect(response.status).toBe(200)
    return (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
  }
  const portal = (instance: Instance, cookie: string, path: string) =>
    fetch(`${instance.origin}/api/portal/${path}`, { headers: { cookie } })
  const documentsTab = async (instance: Instance, cookie: string) => {
    const response = await portal(instance, cookie, `patients/${family.patients.sofia}/documents`)
    expect(response.status).toBe(200)
    return ((await response.json()) as { documents: DocumentItem[] }).documents
  }

  it('serves on B the document a PMS pushed through the sync API on A, its bytes from the bucket', async () => {
    const png = await sharp({
      create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 90, b: 90 } },
    })
      .png()
      .toBuffer()
    const category = { name: 'X-rays', showInPortal: true, sortOrder: 1 }
    expect((await sync(a, 'PUT', 'image-categories/cat-xrays', category)).status).toBeLessThan(300)
    const pushed = await sync(a, 'PUT', 'documents/doc-1', {
      patientExternalId: 'sofia',
      categoryExternalId: 'cat-xrays',
      description: 'Bitewing - left (pushed on A)',
      fileName: 'bitewing-left.png',
      contentType: 'image/png',
      takenAt: '2026-04-01T15:00:00.000Z',
      file: png.toString('base64'),
    })
    expect(pushed.status).toBeLessThan(300)
    const stored = await database.db
      .selectFrom('documents')
      .select(['id', 'storage_key'])
      .where('external_id', '=', 'doc-1')
      .executeTakeFirstOrThrow()
    // Not in any instance's folder: in the bucket, under FILES_URL's prefix.
    const bucket = await openFileStorage(loadConfig({ ...s3.env('') }).files, os.tmpdir())
    expect(await bucket.exists(`practice/${stored.storage_key}`)).toBe(true)

    const maria = await signIn(b, 'maria.garcia')
    const listed = (await documentsTab(b, maria)).find((item) => item.id === stored.id)
    expect(listed).toMatchObject({
      description: 'Bitewing - left (pushed on A)',
      category: 'X-rays',
    })
    const view = await portal(
      b,
      maria,
      `patients/${family.patients.sofia}/documents/${stored.id}/view`,
    )
    expect(view.status).toBe(200)
    expect(view.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await view.arrayBuffer())).toEqual(png)
    const preview = await portal(
      b,
      maria,
      `patients/${family.patients.sofia}/documents/${stored.id}/thumbnail`,
    )
    expect(preview.status).toBe(200)
  })

  it('shows on B a change written through A, though B kept the read it had made before', async () => {
    const maria = await signIn(b, 'maria.garcia')
    const categoryOnB = async () =>
      (await documentsTab(b, maria)).find((item) => item.description.includes('pushed on A'))
        ?.category
    expect(await categoryOnB()).toBe('X-rays')
    const before = b.reads.stats().hits
    expect(await categoryOnB()).toBe('X-rays')
    expect(b.reads.stats().hits).toBeGreaterThan(before)

    const renamed = { name: 'Bitewings', showInPortal: true, sortOrder: 1 }
    expect((await sync(a, 'PUT', 'image-categories/cat-xrays', renamed)).status).toBeLessThan(300)
    // B hears of A's commit through the database's change notifications, a few milliseconds on.
    await b.reads.settle()
    expect(await categoryOnB()).toBe('Bitewings')
  })

  it('lets a session made on A in on B, and a sign-out on A ends it on B', async () => {
    const cookie = await signIn(a, 'luis.garcia')
    const onB = () => portal(b, cookie, 'session')
    expect((await onB()).status).toBe(200)
    expect((await portal(b, cookie, `patients/${family.patients.luis}/appointments`)).status).toBe(
      200,
    )
    const signOut = await fetch(`${a.origin}/api/portal/session`, {
      method: 'DELETE',
      headers: { cookie, origin: TEST_ORIGIN },
    })
    expect(signOut.status).toBeLessThan(300)
    await b.reads.settle()
    expect((await onB()).status).toBe(401)
  })

  it("runs each job once with both instances' workers taking jobs", async () => {
    const subjects = Array.from({ length: 40 }, (_, index) => `Reminder ${index + 1}`)
    for (const subject of subjects) {
      await queueEmail(database.db, {
        practiceId: family.practiceId,
        kind: 'test',
        to: 'maria@example.org',
        subject,
        text: 'See you soon.',
      })
    }
    a.worker.start()
    b.worker.start()
    const unsent = () =>
      database.db
        .selectFrom('outgoing_emails')
        .select('id')
        .where('kind', '=', 'test')
        .where('status', '!=', 'sent')
        .execute()
    await expect.poll(unsent, { timeout: 20_000, interval: 50 }).toEqual([])
    const sent = smtp.received.map((mail) => /^Subject: (.*)$/m.exec(mail.raw)?.[1]?.trim())
    expect(sent.sort()).toEqual([...subjects].sort())
    // Both took jobs: each instance signs its emails with its own sender here.
    const senders = new Set(
      smtp.received.map((mail) => /^From: (.*)$/m.exec(mail.raw)?.[1]?.trim()),
    )
    expect([...senders].sort()).toEqual([
      'Bitewing A <a@bitewing.test>',
      'Bitewing B <b@bitewing.test>',
    ])
  })

  it('books a Web Sched open time once when two patients race for it on A and on B', async () => {
    const [first] = family.openTimes
    const maria = await signIn(a, 'maria.garcia')
    const luis = await signIn(b, 'luis.garcia')
    const book = (instance: Instance, cookie: string, who: keyof typeof recalls) =>
      fetch(
        `${instance.origin}/api/portal/patients/${family.patients[who]}/recalls/${recalls[who]}/book`,
        {
          method: 'POST',
          headers: { cookie, origin: TEST_ORIGIN, 'content-type': 'application/json' },
          body: JSON.stringify({ openTimeId: first }),
        },
      )
    const answers = await Promise.all([book(a, maria, 'mateo'), book(b, luis, 'luis')])
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409])
    const booked = await database.db
      .selectFrom('appointments')
      .select('id')
      .where('patient_id', 'in', [family.patients.luis, family.patients.mateo])
      .where('booked_online', '=', true)
      .execute()
    expect(booked).toHaveLength(1)
    const openTime = await database.db
      .selectFrom('web_sched_open_times')
      .select('booked_appointment_id')
      .where('id', '=', first ?? 0)
      .executeTakeFirstOrThrow()
    expect(openTime.booked_appointment_id).toBe(booked[0]?.id)
  })
})

interface DocumentItem {
  id: number
  description: string
  category: string
}

type Instance = Awaited<ReturnType<typeof startInstance>>

/** One instance as server/main.ts starts it, from the environment every instance is given. */
async function startInstance(database: DatabaseHandle, env: Record<string, string>) {
  const config = loadConfig({ ...env, NODE_ENV: 'test', PORT: '0' })
  const webDist = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-instance-'))
  const files = await openFileStorage(config.files, webDist)
  const secrets = createSecretBox(await loadSecretKey(webDist, config.secretKey))
  const reads = await startReadCache(database)
  const app = await buildApp({
    config: { ...config, publicUrl: TEST_ORIGIN, logLevel: 'silent', webDist },
    db: database.db,
    files,
    reads,
    secrets,
    logging: false,
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const worker = createBackgroundWorker({
    db: database.db,
    files,
    config,
    secrets,
    pollMilliseconds: 20,
  })
  return {
    app,
    files,
    reads,
    worker,
    origin: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    async close() {
      await worker.stop()
      await app.close()
      await reads.stop()
      files.close?.()
      await fs.rm(webDist, { recursive: true, force: true })
    },
  }
}

/** A second pool (and change feed) on the test's own PostgreSQL schema, as another process has. */
async function openSameSchema(database: DatabaseHandle) {
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('TEST_DATABASE_URL is not set')
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
    database.db,
  )
  return openDatabase({ url, schema: rows[0]?.schema ?? '', poolSize: 5 })
}
