import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { LocalFileStorage } from '../../platform/files/storage.ts'
import { seedPractice } from '../../testing/fixtures.ts'
import { useTestDatabase } from '../../testing/suite.ts'
import { syncContext } from '../context.ts'
import { patients, type SyncPatient } from './patients.ts'

describeEachDatabase('sync patients', (kind) => {
  const suite = useTestDatabase(kind)
  let practiceId: number
  const files = new LocalFileStorage(path.join(os.tmpdir(), 'bitewing-sync-patients'))

  beforeAll(async () => {
    practiceId = await seedPractice(suite.db, { name: 'Sync Patients Dental' })
  })

  /** Runs one collection call in its own transaction, as a PUT does. */
  function inTransaction<T>(work: (ctx: ReturnType<typeof syncContext>) => Promise<T>) {
    return suite.db
      .transaction()
      .execute((trx) => work(syncContext(trx, practiceId, files, 'http://localhost/')))
  }
  const put = (externalId: string, body: SyncPatient) =>
    inTransaction((ctx) => patients.upsert(ctx, externalId, body))
  const get = (externalId: string) => inTransaction((ctx) => patients.read(ctx, externalId))

  async function rowVersion(externalId: string) {
    const { rows } = await sql<{ xmin: string }>`
      select xmin::text as xmin from patients where external_id = ${externalId}`.execute(suite.db)
    return rows[0]?.xmin
  }

  const head: SyncPatient = {
    firstName: 'Morgan',
    lastName: 'Family',
    birthdate: '1980-02-01',
    status: 'Patient',
    guarantorExternalId: 'head',
  }

  it('creates a family head who is their own guarantor, then reads it back', async () => {
    expect(await put('head', head)).toBe('created')
    const read = await get('head')
    expect(read).toMatchObject({ ...head, country: 'US', representatives: [] })
    const row = await suite.db
      .selectFrom('patients')
      .select(['id', 'guarantor_id'])
      .where('external_id', '=', 'head')
      .executeTakeFirstOrThrow()
    expect(row.guarantor_id).toBe(row.id)
  })

  it('writes nothing when the same patient is sent again, and answers the same', async () => {
    const before = await rowVersion('head')
    expect(await put('head', head)).toBe('unchanged')
    expect(await rowVersion('head')).toBe(before)
    expect(await get('head')).toEqual(await get('head'))
  })

  it('updates a changed field and clears an omitted one', async () => {
    expect(await put('head', { ...head, preferredName: 'Mo' })).toBe('updated')
    expect(await get('head')).toMatchObject({ preferredName: 'Mo' })
    expect(await put('head', head)).toBe('updated')
    expect(await get('head')).not.toHaveProperty('preferredName')
  })

  it('links representatives by external id and replaces them only when they differ', async () => {
    const child: SyncPatient = {
      firstName: 'Riley',
      lastName: 'Family',
      birthdate: '2015-06-01',
      status: 'Patient',
      guarantorExternalId: 'head',
      representatives: [{ patientExternalId: 'head', relationship: 'Parent' }],
    }
    expect(await put('child', child)).toBe('created')
    const links = () =>
      suite.db
        .selectFrom('patient_representatives')
        .select(['id', 'relationship'])
        .where('practice_id', '=', practiceId)
        .execute()
    const first = await links()
    expect(first).toEqual([{ id: expect.any(Number), relationship: 'Parent' }])
    expect(await put('child', child)).toBe('unchanged')
    expect(await links()).toEqual(first)
    expect(await put('child', { ...child, representatives: [{ patientExternalId: 'head' }] })).toBe(
      'updated',
    )
    expect((await links()).map((link) => link.relationship)).toEqual(['Guarantor'])
    expect((await get('child'))?.representatives).toEqual([
      { patientExternalId: 'head', relationship: 'Guarantor' },
    ])
  })

  it('refuses an unknown guarantor naming the field, and writes nothing', async () => {
    await expect(put('stray', { ...head, guarantorExternalId: 'nobody' })).rejects.toMatchObject({
      status: 422,
      errors: { guarantorExternalId: expect.any(String) },
    })
    expect(await get('stray')).toBeNull()
  })

  it('refuses a patient who represents themself', async () => {
    await expect(
      put('selfish', { ...head, representatives: [{ patientExternalId: 'selfish' }] }),
    ).rejects.toMatchObject({
      status: 422,
      errors: { 'representatives/0/patientExternalId': expect.any(String) },
    })
  })

  it('refuses to delete a guarantor others still depend on, then deletes once they have moved', async () => {
    await expect(inTransaction((ctx) => patients.remove(ctx, 'head'))).rejects.toMatchObject({
      status: 409,
    })
    expect(await inTransaction((ctx) => patients.remove(ctx, 'child'))).toBe(true)
    expect(await inTransaction((ctx) => patients.remove(ctx, 'head'))).toBe(true)
    expect(await get('head')).toBeNull()
    expect(await inTransaction((ctx) => patients.remove(ctx, 'head'))).toBe(false)
  })
})
