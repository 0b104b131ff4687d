import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { LocalFileStorage } from '../../platform/files/storage.ts'
import { FAMILY_PASSWORD, seedFamilyWithRecords } from '../../testing/family.ts'
import { seedPractice, updatePatient } from '../../testing/fixtures.ts'
import { portalSignIn, TEST_ORIGIN } from '../../testing/http.ts'
import { useTestApp } from '../../testing/suite.ts'
import { createSyncKey } from '../keys.ts'
import { queueSyncEvent } from '../outbox.ts'
import { PRUNE_SYNC_EVENTS_JOB, pruneSyncEventsJob } from './retention.ts'

const DAY = 86_400_000

/** The event feed as a PMS uses it: pull in order, page, acknowledge; one practice per key. */
describeEachDatabase('Sync event feed', (kind) => {
  const suite = useTestApp(kind)
  let folder = ''
  let seeded: Awaited<ReturnType<typeof seedFamilyWithRecords>>
  let keyA = ''
  let keyB = ''
  let practiceB = 0

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'bitewing-feed-'))
    seeded = await seedFamilyWithRecords(suite.db, { files: new LocalFileStorage(folder) })
    practiceB = await seedPractice(suite.db, { name: 'Other Dental' })
    keyA = (await createSyncKey(suite.db, seeded.practiceId, 'Open Dental')).key
    keyB = (await createSyncKey(suite.db, practiceB, 'Other PMS')).key
  })
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  const feed = (key: string, query = '') =>
    suite.app.inject({
      method: 'GET',
      url: `/api/sync/v1/events${query}`,
      headers: { authorization: `Bearer ${key}` },
    })
  const ack = (key: string, cursor: unknown) =>
    suite.app.inject({
      method: 'POST',
      url: '/api/sync/v1/events/ack',
      headers: { authorization: `Bearer ${key}` },
      payload: { cursor },
    })
  const queue = (practiceId: number, n: number) =>
    suite.db.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i++) {
        await queueSyncEvent(trx, {
          practiceId,
          kind: 'test.happened',
          entityType: 'test',
          entityId: i + 1,
          payload: { n: i + 1 },
        })
      }
    })

  it('refuses a request without a valid key', async () => {
    for (const response of [
      await suite.app.inject({ method: 'GET', url: '/api/sync/v1/events' }),
      await feed('bw_not-a-key'),
    ]) {
      expect(response.statusCode).toBe(401)
      expect(response.headers['content-type']).toContain('application/problem+json')
    }
  })

  it("delivers a portal confirmation with the PMS's external ids, to its practice only", async () => {
    await updatePatient(suite.db, seeded.patients.sofia, { external_id: 'PAT-SOFIA' })
    await suite.db
      .updateTable('appointments')
      .set({ external_id: 'APT-9' })
      .where('id', '=', seeded.appointments.sofiaNext)
      .execute()
    const cookie = await portalSignIn(suite.app, 'maria.garcia', FAMILY_PASSWORD)
    const confirmed = await suite.app.inject({
      method: 'POST',
      url: `/api/portal/patients/${seeded.patients.sofia}/appointments/${seeded.appointments.sofiaNext}/confirm`,
      headers: { cookie, origin: TEST_ORIGIN },
    })
    expect(confirmed.statusCode).toBe(200)

    const page = await feed(keyA)
    expect(page.statusCode).toBe(200)
    const [event] = page.json().events
    expect(page.json()).toMatchObject({ next: event.id, hasMore: false })
    expect(event).toEqual({
      id: expect.stringMatching(/^\d+$/),
      type: 'appointment.confirmed',
      occurredAt: expect.any(String),
      data: {
        appointmentId: seeded.appointments.sofiaNext,
        appointmentExternalId: 'APT-9',
        patientExternalId: 'PAT-SOFIA',
        confirmedAt: expect.any(String),
      },
    })
    expect((await feed(keyB)).json()).toEqual({ events: [], next: null, hasMore: false })
    // Practice B acknowledging everything it could name leaves practice A's event waiting.
    expect((await ack(keyB, event.id)).json()).toEqual({ acknowledged: 0 })
    expect((await ack(keyA, event.id)).json()).toEqual({ acknowledged: 1 })
    expect((await ack(keyA, event.id)).json()).toEqual({ acknowledged: 0 })
    expect((await feed(keyA)).json()).toEqual({ events: [], next: null, hasMore: false })
    // Kept after acknowledgement (until the retention period), for a PMS that lost its place.
    expect((await feed(keyA, '?after=0')).json().events).toHaveLength(1)
  })

  it('pages in order, and acknowledging a cursor acknowledges everything before it', async () => {
    await queue(seeded.practiceId, 5)
    await queue(practiceB, 2)
    const first = (await feed(keyA, '?limit=2')).json()
    expect(first.events.map((e: { data: { n: number } }) => e.data.n)).toEqual([1, 2])
    expect(first.hasMore).toBe(true)
    const second = (await feed(keyA, `?limit=2&after=${first.next}`)).json()
    expect(second.events.map((e: { data: { n: number } }) => e.data.n)).toEqual([3, 4])
    expect((await ack(keyA, second.next)).json()).toEqual({ acknowledged: 4 })
    const rest = (await feed(keyA)).json()
    expect(rest.events.map((e: { data: { n: number } }) => e.data.n)).toEqual([5])
    expect(rest.hasMore).toBe(false)
    expect((await feed(keyA, `?after=${rest.next}`)).json()).toEqual({
      events: [],
      next: rest.next,
      hasMore: false,
    })
    expect((await feed(keyB)).json().events).toHaveLength(2)
  })

  // Only PostgreSQL runs two transactions at once: on the embedded database (one connection) the
  // late commit this guards against cannot happen, so the test exists for PostgreSQL only.
  const onConcurrentDatabase = kind === 'postgres' ? it : () => undefined
  onConcurrentDatabase(
    "numbers a practice's events in commit order, so a cursor never skips a late commit",
    async () => {
      let releaseFirst: () => void = () => {}
      const held = new Promise<void>((resolve) => {
        releaseFirst = resolve
      })
      let firstQueued: () => void = () => {}
      const queued = new Promise<void>((resolve) => {
        firstQueued = resolve
      })
      const first = suite.db.transaction().execute(async (trx) => {
        await queueSyncEvent(trx, {
          practiceId: practiceB,
          kind: 'test.slow',
          entityType: 'test',
          entityId: 1,
          payload: {},
        })
        firstQueued()
        await held
      })
      await queued
      let secondDone = false
      const second = queue(practiceB, 1).then(() => {
        secondDone = true
      })
      await new Promise((resolve) => setTimeout(resolve, 300))
      // The second writer waits for the first to commit before it takes a number.
      expect(secondDone).toBe(false)
      releaseFirst()
      await Promise.all([first, second])
      const types = (await feed(keyB)).json().events.map((e: { type: string }) => e.type)
      expect(types.slice(-2)).toEqual(['test.slow', 'test.happened'])
    },
  )

  it('audits each read and acknowledgement with its count and key, nothing of the events', async () => {
    const rows = await suite.db
      .selectFrom('audit_events')
      .select(['actor_type', 'action', 'details'])
      .where('practice_id', '=', seeded.practiceId)
      .where('action', 'like', 'sync.events.%')
      .orderBy('id')
      .execute()
    expect(rows.length).toBeGreaterThan(5)
    for (const row of rows) {
      expect(row.actor_type).toBe('sync')
      expect(Object.keys(row.details as object).sort()).toEqual(['count', 'keyId'])
    }
    expect(rows).toContainEqual({
      actor_type: 'sync',
      action: 'sync.events.acknowledged',
      details: { keyId: expect.any(Number), count: 4 },
    })
  })

  it('refuses a bad cursor or limit with a problem, changing nothing', async () => {
    for (const query of ['?limit=0', '?limit=1001', '?after=abc', '?after=-1', '?after=1.5']) {
      const response = await feed(keyA, query)
      expect(response.statusCode, query).toBe(400)
      expect(response.headers['content-type']).toContain('application/problem+json')
    }
    const pending = await suite.db
      .selectFrom('sync_events')
      .select('id')
      .where('acknowledged_at', 'is', null)
      .execute()
    for (const cursor of ['abc', '', '-3', '99999999999999999999']) {
      expect((await ack(keyA, cursor)).statusCode).toBe(400)
    }
    expect(
      await suite.db
        .selectFrom('sync_events')
        .select('id')
        .where('acknowledged_at', 'is', null)
        .execute(),
    ).toEqual(pending)
  })

  it('deletes acknowledged events after the retention period, never unacknowledged ones', async () => {
    await queue(seeded.practiceId, 2)
    const [old, unread] = await suite.db
      .selectFrom('sync_events')
      .select('id')
      .where('acknowledged_at', 'is', null)
      .orderBy('id', 'desc')
      .limit(2)
      .execute()
    const longAgo = new Date(Date.now() - 40 * DAY)
    await suite.db
      .updateTable('sync_events')
      .set({ acknowledged_at: longAgo, created_at: longAgo })
      .where('id', '=', Number(old?.id))
      .execute()
    await suite.db
      .updateTable('sync_events')
      .set({ created_at: longAgo })
      .where('id', '=', Number(unread?.id))
      .execute()
    const before = await suite.db.selectFrom('sync_events').select('id').execute()
    const prune = pruneSyncEventsJob(suite.db, 30)
    const job = { id: 0, practice_id: null, kind: PRUNE_SYNC_EVENTS_JOB, payload: {} }
    await prune({ ...job, attempts: 1, max_attempts: 5, locked_by: 'test' }, { final: false })
    const after = await suite.db.selectFrom('sync_events').select('id').execute()
    expect(after.map((row) => row.id)).toEqual(
      before.map((row) => row.id).filter((id) => id !== old?.id),
    )
    // The next run is queued once, however many times it is asked for.
    await prune({ ...job, attempts: 1, max_attempts: 5, locked_by: 'test' }, { final: false })
    const queued = await suite.db
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', PRUNE_SYNC_EVENTS_JOB)
      .execute()
    expect(queued).toHaveLength(1)
    expect(new Date(queued[0]?.run_at ?? 0).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000)
  })
})
