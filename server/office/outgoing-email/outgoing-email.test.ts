import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { createBackgroundWorker } from '../../background.ts'
import { loadMigrations, migrate } from '../../platform/db/migrate.ts'
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '../../platform/db/testing.ts'
import { HIDDEN_SECRET, type SecretBox } from '../../platform/mail/secrets.ts'
import { seedPatient, seedPortalPatient, seedPractice } from '../../testing/fixtures.ts'
import { TEST_ORIGIN } from '../../testing/http.ts'
import { type LoopbackSmtp, readableText, startLoopbackSmtp } from '../../testing/smtp.ts'
import { signedInStaff, useTestApp } from '../../testing/suite.ts'

describeEachDatabase('office: outgoing email keeps no secrets', (kind) => {
  const suite = useTestApp(kind)
  let smtp: LoopbackSmtp
  let admin = ''
  let adminId = 0
  let ana = 0

  beforeAll(async () => {
    const { db } = suite
    const practiceId = await seedPractice(db)
    ;({ id: adminId, cookie: admin } = await signedInStaff(suite, {
      practiceId,
      username: 'admin',
    }))
    ana = await seedPatient(db, {
      practiceId,
      first_name: 'Ana',
      last_name: 'Silva',
      email: 'ana@example.test',
    })
    await seedPortalPatient(db, {
      practiceId,
      first_name: 'Luis',
      last_name: 'Garcia',
      email: 'luis@example.test',
      username: 'luis.garcia',
    })
    smtp = await startLoopbackSmtp()
  })
  afterAll(() => smtp.close())
  beforeEach(() => {
    smtp.received.length = 0
  })

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    suite.app.inject({ method, url, payload, headers: { origin: TEST_ORIGIN, cookie: admin } })

  /** Sends what is queued, as the server's own worker does, through the given SMTP server. */
  async function sendQueued(
    smtpUrl: string | undefined,
    box: SecretBox | undefined = suite.secrets,
  ) {
    const worker = createBackgroundWorker({
      db: suite.db,
      files: suite.files,
      config: { smtpUrl, mailFrom: 'office@example.test' },
      secrets: box,
    })
    while ((await worker.runDue()) > 0) {}
  }

  const storedRow = (kindOfEmail: string) =>
    suite.db
      .selectFrom('outgoing_emails')
      .selectAll()
      .where('kind', '=', kindOfEmail)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()

  async function inviteAna() {
    const granted = await call('POST', `/api/office/patients/${ana}/access/reset`)
    const issued =
      granted.statusCode === 200
        ? granted.json()
        : (await call('POST', `/api/office/patients/${ana}/access`, {})).json()
    const invited = await call('POST', `/api/office/patients/${ana}/access/invitation`, {
      oneTimePassword: issued.oneTimePassword,
    })
    expect(invited.statusCode).toBe(202)
    return issued.oneTimePassword as string
  }

  it('sends the one-time password to the patient but keeps and shows it hidden', async () => {
    const oneTimePassword = await inviteAna()
    const queued = await storedRow('access-invitation')
    expect(JSON.stringify(queued)).not.toContain(oneTimePassword)
    expect(queued.text_body).toContain(`One-time password: ${HIDDEN_SECRET}`)

    await sendQueued(smtp.url)
    expect(smtp.received).toHaveLength(1)
    expect(readableText(smtp.received[0] ?? { to: [], raw: '' })).toContain(
      `One-time password: ${oneTimePassword}`,
    )
    const sent = await storedRow('access-invitation')
    expect(sent).toMatchObject({ status: 'sent', carries_secret: true, sealed_secret: null })
    expect(JSON.stringify(sent)).not.toContain(oneTimePassword)

    const listed = await call('GET', '/api/office/outgoing-emails')
    expect(listed.statusCode).toBe(200)
    expect(listed.body).not.toContain(oneTimePassword)
    expect(listed.json()[0]).toMatchObject({ kind: 'access-invitation', carriesSecret: true })
  })

  it('sends the reset code to the patient but keeps and shows it hidden', async () => {
    const asked = await suite.app.inject({
      method: 'POST',
      url: '/api/public/password-reset',
      headers: { origin: TEST_ORIGIN },
      payload: { username: 'luis.garcia' },
    })
    expect(asked.statusCode).toBe(202)
    await sendQueued(smtp.url)
    const text = readableText(smtp.received[0] ?? { to: [], raw: '' })
    const code = /code is: (\d{6,8})/.exec(text)?.[1] ?? 'no code'
    expect(code).toMatch(/^\d{6,8}$/)

    const row = await storedRow('password-reset')
    expect(JSON.stringify(row)).not.toContain(code)
    expect(row.text_body).toContain(`code is: ${HIDDEN_SECRET}`)
    const listed = await call('GET', '/api/office/outgoing-emails')
    expect(listed.body).not.toContain(code)
  })

  it('without a mail server keeps the email with its secret hidden and drops the secret', async () => {
    const oneTimePassword = await inviteAna()
    await sendQueued(undefined)
    const kept = await storedRow('access-invitation')
    expect(kept).toMatchObject({ status: 'stored', sealed_secret: null })
    expect(JSON.stringify(kept)).not.toContain(oneTimePassword)
    const listed = await call('GET', '/api/office/outgoing-emails')
    expect(listed.body).not.toContain(oneTimePassword)
  })

  it('fails an email whose secret the worker cannot open, and sends nothing', async () => {
    await inviteAna()
    const { createSecretBox } = await import('../../platform/mail/secrets.ts')
    await sendQueued(smtp.url, createSecretBox(Buffer.alloc(32, 7)))
    expect(smtp.received).toHaveLength(0)
    const failed = await storedRow('access-invitation')
    expect(failed).toMatchObject({ status: 'failed', sealed_secret: null })
    expect(failed.error).toMatch(/could not be opened/)
  })

  it('audits every reading of the outgoing email list with the staff member', async () => {
    const before = await suite.db
      .selectFrom('audit_events')
      .select(suite.db.fn.countAll<number>().as('count'))
      .where('action', '=', 'outgoing_email.viewed')
      .executeTakeFirstOrThrow()
    const listed = await call('GET', '/api/office/outgoing-emails?limit=2')
    expect(listed.statusCode).toBe(200)
    const events = await suite.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'outgoing_email.viewed')
      .orderBy('id', 'desc')
      .execute()
    expect(events).toHaveLength(Number(before.count) + 1)
    expect(events[0]).toMatchObject({ actor_type: 'staff_user', staff_user_id: adminId })
    const details = events[0]?.details as { emailIds: number[] }
    expect(details.emailIds).toEqual(listed.json().map((email: { id: number }) => email.id))
  })
})

describeEachDatabase('migration 0008: secrets already kept in outgoing email', (kind) => {
  let database: TestDatabase
  afterAll(async () => {
    await database.destroy()
  })

  it('are hidden', { timeout: 120_000 }, async () => {
    database = await createTestDatabase(kind, { migrate: false })
    const all = await loadMigrations()
    await migrate(
      database,
      all.filter((migration) => migration.name < '0008'),
    )
    const practiceId = await seedPractice(database.db)
    const old = (kindOfEmail: string, text: string) => ({
      practice_id: practiceId,
      kind: kindOfEmail,
      to_address: 'ana@example.test',
      subject: 'Old',
      text_body: text,
      status: 'stored' as const,
    })
    await database.db
      .insertInto('outgoing_emails')
      .values([
        old(
          'password-reset',
          'Hello,\n\nYour reset code is: 48213957\n\nType it within 15 minutes.',
        ),
        old('access-invitation', 'User name: ana4821\nOne-time password: Kq7-pX2m-9Zt\n\nBye.'),
        old('care-summary', 'A care summary is attached.'),
      ])
      .execute()
    await migrate(database, all)
    const rows = await database.db
      .selectFrom('outgoing_emails')
      .select(['kind', 'text_body', 'carries_secret'])
      .orderBy('id')
      .execute()
    expect(rows).toEqual([
      {
        kind: 'password-reset',
        text_body: `Hello,\n\nYour reset code is: ${HIDDEN_SECRET}\n\nType it within 15 minutes.`,
        carries_secret: true,
      },
      {
        kind: 'access-invitation',
        text_body: `User name: ana4821\nOne-time password: ${HIDDEN_SECRET}\n\nBye.`,
        carries_secret: true,
      },
      { kind: 'care-summary', text_body: 'A care summary is attached.', carries_secret: false },
    ])
  })
})
