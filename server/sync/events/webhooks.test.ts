import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createBackgroundWorker } from '../../background.ts'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { seedPractice } from '../../testing/fixtures.ts'
import { useTestApp } from '../../testing/suite.ts'
import { createSyncKey } from '../keys.ts'
import { queueSyncEvent, SYNC_WEBHOOK_JOB } from '../outbox.ts'
import { SIGNATURE_HEADER, verifyWebhookSignature } from './rules.ts'

interface Received {
  signature: string | undefined
  eventId: string | undefined
  body: string
}

/**
 * A PMS's receiver on a real loopback port: it answers each request with the next status of
 * `answers` (then 204), and keeps what it received.
 */
async function startReceiver() {
  const received: Received[] = []
  const answers: number[] = []
  const server = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => {
      body += chunk
    })
    request.on('end', () => {
      received.push({
        signature: request.headers[SIGNATURE_HEADER] as string | undefined,
        eventId: request.headers['bitewing-event-id'] as string | undefined,
        body,
      })
      response.statusCode = answers.shift() ?? 204
      response.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/bitewing/events`,
    received,
    answers,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

describeEachDatabase('Sync webhooks', (kind) => {
  const suite = useTestApp(kind)
  let worker: ReturnType<typeof createBackgroundWorker>
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  let practiceId = 0
  let key = ''
  let secret = ''

  beforeAll(async () => {
    practiceId = await seedPractice(suite.db, { name: 'Maple Grove Dental' })
    key = (await createSyncKey(suite.db, practiceId, 'Open Dental')).key
    worker = createBackgroundWorker({
      db: suite.db,
      files: suite.files,
      config: { smtpUrl: undefined, mailFrom: 'test@example.org' },
      secrets: suite.secrets,
    })
    receiver = await startReceiver()
  })
  afterAll(async () => {
    await worker.stop()
    await receiver.close()
  })

  const call = (method: 'GET' | 'PUT' | 'DELETE', payload?: object) =>
    suite.app.inject({
      method,
      url: '/api/sync/v1/webhook',
      headers: { authorization: `Bearer ${key}` },
      ...(payload ? { payload } : {}),
    })
  const queueEvent = (n: number) =>
    suite.db.transaction().execute((trx) =>
      queueSyncEvent(trx, {
        practiceId,
        kind: 'test.happened',
        entityType: 'test',
        entityId: n,
        payload: { n },
      }),
    )
  const webhookJobs = () =>
    suite.db
      .selectFrom('jobs')
      .select(['id', 'status', 'attempts', 'run_at', 'last_error'])
      .where('kind', '=', SYNC_WEBHOOK_JOB)
      .orderBy('id')
      .execute()

  it('queues no announcement while the practice has no webhook', async () => {
    await queueEvent(0)
    expect(await webhookJobs()).toEqual([])
  })

  it('refuses an address that is not http(s), setting nothing', async () => {
    const response = await call('PUT', { url: 'ftp://pms.example.com/' })
    expect(response.statusCode).toBe(400)
    expect(response.json().errors).toHaveProperty('url')
    expect((await call('GET')).json()).toEqual({ url: null })
  })

  it('shows the signing secret once and keeps it sealed', async () => {
    const response = await call('PUT', { url: receiver.url })
    expect(response.statusCode).toBe(200)
    secret = response.json().secret
    expect(secret).toMatch(/^whsec_/)
    expect((await call('GET')).json()).toEqual({ url: receiver.url })
    const stored = await suite.db.selectFrom('sync_webhooks').selectAll().executeTakeFirstOrThrow()
    expect(JSON.stringify(stored)).not.toContain(secret.slice(6))
  })

  it('announces a new event, signed, retrying with backoff until the receiver takes it', async () => {
    await queueEvent(1)
    receiver.answers.push(503)
    expect(await worker.runDue()).toBe(1)
    const [failed] = await webhookJobs()
    expect(failed).toMatchObject({
      status: 'queued',
      attempts: 1,
      last_error: 'The webhook answered 503.',
    })
    // Retried later, not at once: the queue's backoff (30 s after the first failure).
    expect(new Date(failed?.run_at ?? 0).getTime()).toBeGreaterThan(Date.now() + 20_000)
    expect(await worker.runDue()).toBe(0)

    await suite.db
      .updateTable('jobs')
      .set({ run_at: new Date(0) })
      .where('id', '=', Number(failed?.id))
      .execute()
    expect(await worker.runDue()).toBe(1)
    expect(await webhookJobs()).toMatchObject([{ status: 'done', attempts: 2 }])

    expect(receiver.received).toHaveLength(2)
    const [first, second] = receiver.received
    expect(second?.body).toBe(first?.body)
    const delivered = JSON.parse(second?.body ?? '{}')
    expect(delivered.events).toMatchObject([{ type: 'test.happened', data: { n: 1 } }])
    expect(second?.eventId).toBe(delivered.events[0].id)
    expect(verifyWebhookSignature(secret, second?.signature, second?.body ?? '', new Date())).toBe(
      true,
    )
    expect(
      verifyWebhookSignature('whsec_guess', second?.signature, second?.body ?? '', new Date()),
    ).toBe(false)
  })

  it('sends nothing for an event the PMS acknowledged meanwhile, or once the webhook is removed', async () => {
    await queueEvent(2)
    const feed = await suite.app.inject({
      method: 'GET',
      url: '/api/sync/v1/events?after=0&limit=1000',
      headers: { authorization: `Bearer ${key}` },
    })
    const { next } = feed.json()
    await suite.app.inject({
      method: 'POST',
      url: '/api/sync/v1/events/ack',
      headers: { authorization: `Bearer ${key}` },
      payload: { cursor: next },
    })
    const before = receiver.received.length
    expect(await worker.runDue()).toBe(1)
    expect(receiver.received).toHaveLength(before)
    await queueEvent(3)
    expect((await call('DELETE')).statusCode).toBe(204)
    expect(await worker.runDue()).toBe(1)
    expect(receiver.received).toHaveLength(before)
    expect((await webhookJobs()).map((job) => job.status)).toEqual(['done', 'done', 'done'])
  })
})
