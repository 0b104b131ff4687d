import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createBackgroundWorker } from '../../background.ts'
import { seedPractice } from '../../testing/fixtures.ts'
import { type LoopbackSmtp, startLoopbackSmtp } from '../../testing/smtp.ts'
import { useTestDatabase } from '../../testing/suite.ts'
import { describeEachDatabase } from '../db/testing.ts'
import { LocalFileStorage } from '../files/storage.ts'
import { queueEmail, SEND_EMAIL_JOB } from './outbox.ts'

async function waitFor(ready: () => Promise<boolean> | boolean) {
  while (!(await ready())) await new Promise((resolve) => setTimeout(resolve, 20))
}

describeEachDatabase('email: a hung mail server', (kind) => {
  const suite = useTestDatabase(kind)
  let practiceId: number
  let filesDir: string
  let smtp: LoopbackSmtp
  let direct: LoopbackSmtp

  beforeAll(async () => {
    practiceId = await seedPractice(suite.db, { name: 'Mail Practice' })
    filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-mail-'))
    smtp = await startLoopbackSmtp()
    direct = await startLoopbackSmtp()
  })
  afterAll(async () => {
    await smtp.close()
    await direct.close()
    await fs.rm(filesDir, { recursive: true, force: true })
  })

  const worker = (smtpTimeoutSeconds: number) =>
    createBackgroundWorker({
      db: suite.db,
      files: new LocalFileStorage(filesDir),
      config: {
        smtpUrl: smtp.url,
        directSmtpUrl: direct.url,
        mailFrom: 'office@example.test',
        smtpTimeoutSeconds,
      },
      pollMilliseconds: 20,
    })
  const queueCareSummary = () =>
    queueEmail(suite.db, {
      practiceId,
      kind: 'care-summary',
      to: 'dr.smith@direct.example.org',
      subject: 'Care summary',
      text: 'Attached.',
      relay: 'direct',
    })
  const email = (id: number) =>
    suite.db
      .selectFrom('outgoing_emails')
      .select(['status', 'error'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  const job = (emailId: number) =>
    suite.db
      .selectFrom('jobs')
      .select(['status', 'attempts', 'last_error'])
      .where('kind', '=', SEND_EMAIL_JOB)
      .where(sql<string>`payload->>'emailId'`, '=', String(emailId))
      .executeTakeFirstOrThrow()

  it('sends a reset code queued behind a send to a hung server while that send waits', async () => {
    direct.hang()
    const stuck = await queueCareSummary()
    const reset = await queueEmail(suite.db, {
      practiceId,
      kind: 'password-reset',
      to: 'maria@example.org',
      subject: 'Your reset code',
      text: 'Your code is in the portal.',
    })
    const running = worker(60)
    running.start()
    await waitFor(() => smtp.recipients().includes('maria@example.org'))
    // The reset code went out while the first send was still waiting for the hung server.
    expect(direct.waiting()).toBe(1)
    expect(await job(stuck)).toMatchObject({ status: 'running', attempts: 1 })
    await waitFor(async () => (await email(reset)).status === 'sent')

    direct.answer()
    await waitFor(async () => (await email(stuck)).status === 'sent')
    await running.stop()
    expect(direct.recipients()).toEqual(['dr.smith@direct.example.org'])
  })

  it('gives up on a server that never answers within the timeout, and retries later', async () => {
    direct.hang()
    const stuck = await queueCareSummary()
    const run = worker(0.5)
    expect(await run.runDue()).toBe(1)
    expect(await email(stuck)).toMatchObject({
      status: 'queued',
      error: expect.stringMatching(/greeting never received|timeout/i),
    })
    expect(await job(stuck)).toMatchObject({ status: 'queued', attempts: 1 })

    direct.answer()
    // Skip the wait before the retry (of the email only: the worker's start also scheduled the
    // sync events' retention run, which is not due yet).
    await suite.db
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() - 60_000) })
      .where('status', '=', 'queued')
      .where('kind', '=', SEND_EMAIL_JOB)
      .execute()
    expect(await run.runDue()).toBe(1)
    expect(await email(stuck)).toMatchObject({ status: 'sent', error: null })
    expect(await job(stuck)).toMatchObject({ status: 'done', attempts: 2 })
  }, 20_000)

  it('marks the email failed when the worker of its last attempt died mid-send', async () => {
    const emailId = await queueCareSummary()
    // The fifth and last attempt's worker was killed: its lease ran out a minute ago.
    await suite.db
      .updateTable('jobs')
      .set({
        status: 'running',
        attempts: 5,
        locked_by: 'a-killed-worker',
        locked_until: sql<Date>`statement_timestamp() - interval '1 minute'`,
      })
      .where(sql<string>`payload->>'emailId'`, '=', String(emailId))
      .execute()
    await worker(60).runDue()
    expect(await email(emailId)).toMatchObject({
      status: 'failed',
      error: 'Sending was interrupted before it finished.',
    })
    expect(await job(emailId)).toMatchObject({ status: 'failed' })
  })
})
