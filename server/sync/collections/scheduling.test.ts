import os from 'node:os'
import path from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { LocalFileStorage } from '../../platform/files/storage.ts'
import { seedPractice } from '../../testing/fixtures.ts'
import { useTestDatabase } from '../../testing/suite.ts'
import type { SyncCollection, SyncContext } from '../collection.ts'
import { syncContext } from '../context.ts'
import { appointments } from './appointments.ts'
import { clinics } from './clinics.ts'
import { findCollection } from './index.ts'
import { recallTypes } from './recalls.ts'

const SCHEDULING = [
  'clinics',
  'providers',
  'patients',
  'recall-types',
  'appointments',
  'recalls',
  'web-sched-open-times',
]

describeEachDatabase('sync scheduling collections', (kind) => {
  const suite = useTestDatabase(kind)
  let practiceId: number
  const files = new LocalFileStorage(path.join(os.tmpdir(), 'bitewing-sync-scheduling'))

  beforeAll(async () => {
    practiceId = await seedPractice(suite.db, { name: 'Sync Scheduling Dental' })
  })

  function inTransaction<T>(work: (ctx: SyncContext) => Promise<T>) {
    return suite.db
      .transaction()
      .execute((trx) => work(syncContext(trx, practiceId, files, 'http://localhost/')))
  }
  const collection = (name: string) => findCollection(name) as SyncCollection

  it('loads every example in order, reads it back, and writes nothing on a replay', async () => {
    for (const name of SCHEDULING) {
      const { example } = collection(name)
      expect(await inTransaction((ctx) => collection(name).upsert(ctx, 'example', example))).toBe(
        'created',
      )
      expect(await inTransaction((ctx) => collection(name).read(ctx, 'example'))).toMatchObject(
        example as object,
      )
    }
    for (const name of SCHEDULING) {
      const { example } = collection(name)
      expect(await inTransaction((ctx) => collection(name).upsert(ctx, 'example', example))).toBe(
        'unchanged',
      )
    }
  })

  it('refuses a clinic that closes before it opens, naming the span', async () => {
    await expect(
      inTransaction((ctx) =>
        clinics.upsert(ctx, 'odd', {
          name: 'Odd hours',
          hours: [{ weekday: 3, opens: '17:00', closes: '09:00' }],
        }),
      ),
    ).rejects.toMatchObject({ status: 400, errors: { 'hours/0/closes': expect.any(String) } })
  })

  it("describes a procedure from the practice's codes, and refuses an unknown code", async () => {
    await suite.db
      .insertInto('procedure_codes')
      .values({ practice_id: practiceId, code: 'D0150', description: 'Comprehensive evaluation' })
      .execute()
    const visit = { ...appointments.example, procedures: [{ code: 'D0150' }] }
    expect(await inTransaction((ctx) => appointments.upsert(ctx, 'coded', visit))).toBe('created')
    expect((await inTransaction((ctx) => appointments.read(ctx, 'coded')))?.procedures).toEqual([
      { code: 'D0150', description: 'Comprehensive evaluation' },
    ])
    expect(await inTransaction((ctx) => appointments.upsert(ctx, 'coded', visit))).toBe('unchanged')
    await expect(
      inTransaction((ctx) =>
        appointments.upsert(ctx, 'uncoded', { ...visit, procedures: [{ code: 'X999' }] }),
      ),
    ).rejects.toMatchObject({
      status: 422,
      errors: { 'procedures/0/description': expect.any(String) },
    })
  })

  it('hides a deleted clinic, and shows it again when it is sent again', async () => {
    expect(await inTransaction((ctx) => clinics.upsert(ctx, 'closing', { name: 'Closing' }))).toBe(
      'created',
    )
    expect(await inTransaction((ctx) => clinics.remove(ctx, 'closing'))).toBe(true)
    expect(await inTransaction((ctx) => clinics.read(ctx, 'closing'))).toBeNull()
    expect(await inTransaction((ctx) => clinics.remove(ctx, 'closing'))).toBe(false)
    const hidden = await suite.db
      .selectFrom('clinics')
      .select('is_hidden')
      .where('external_id', '=', 'closing')
      .executeTakeFirstOrThrow()
    expect(hidden.is_hidden).toBe(true)
    expect(await inTransaction((ctx) => clinics.upsert(ctx, 'closing', { name: 'Closing' }))).toBe(
      'updated',
    )
    expect(await inTransaction((ctx) => clinics.read(ctx, 'closing'))).toEqual({
      name: 'Closing',
      country: 'US',
      hours: [],
    })
  })

  it('refuses to delete a recall type still in use', async () => {
    await expect(inTransaction((ctx) => recallTypes.remove(ctx, 'example'))).rejects.toMatchObject({
      status: 409,
    })
  })

  it('deletes an appointment, leaving the recall it scheduled unscheduled', async () => {
    const recalls = collection('recalls')
    const scheduled = { ...(recalls.example as object), scheduledAppointmentExternalId: 'example' }
    expect(await inTransaction((ctx) => recalls.upsert(ctx, 'example', scheduled))).toBe('updated')
    expect(await inTransaction((ctx) => appointments.remove(ctx, 'example'))).toBe(true)
    expect(await inTransaction((ctx) => appointments.read(ctx, 'example'))).toBeNull()
    expect(await inTransaction((ctx) => recalls.read(ctx, 'example'))).not.toHaveProperty(
      'scheduledAppointmentExternalId',
    )
  })
})
