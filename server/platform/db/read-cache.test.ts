import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { seedPatient, seedPractice } from '../../testing/fixtures.ts'
import { type Database, type DatabaseHandle, openDatabase } from './database.ts'
import { type Dependency, type ReadCache, type ReadOptions, startReadCache } from './read-cache.ts'
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './testing.ts'

describeEachDatabase('kept reads', (kind) => {
  let database: TestDatabase
  // Another instance, a PMS writing the tables itself: anyone but the process keeping the reads.
  let otherWriter: DatabaseHandle
  let reads: ReadCache & { stop(): Promise<void> }
  let practiceId = 0
  let ana = 0
  let ben = 0
  let appointmentId = 0
  let loads = 0

  beforeAll(async () => {
    database = await createTestDatabase(kind)
    const { db } = database
    practiceId = await seedPractice(db, { name: 'Cache Dental' })
    ana = await seedPatient(db, { practiceId, first_name: 'Ana', last_name: 'Ash' })
    ben = await seedPatient(db, { practiceId, first_name: 'Ben', last_name: 'Birch' })
    const row = await db
      .insertInto('appointments')
      .values({
        practice_id: practiceId,
        patient_id: ana,
        starts_at: new Date(),
        length_minutes: 30,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    appointmentId = row.id
    otherWriter = kind === 'postgres' ? await openSameSchema(database) : database
  })
  afterAll(async () => {
    if (otherWriter !== database) await otherWriter.close()
    await database.destroy()
  })
  beforeEach(async () => {
    reads = await startReadCache(database)
    loads = 0
  })
  afterEach(async () => {
    await reads.stop()
  })

  /** Ana's appointment lengths, counting each time the database is asked. */
  function anasLengths(
    dependencies: Dependency[] = [['appointments', ana]],
    options: ReadOptions = {},
  ) {
    return reads.read(
      `lengths:${ana}`,
      async () => {
        loads++
        const rows = await database.db
          .selectFrom('appointments')
          .select('length_minutes')
          .where('patient_id', '=', ana)
          .execute()
        return rows.map((row) => row.length_minutes)
      },
      () => dependencies,
      options,
    )
  }

  /** Changes the length of Ana's appointment, writing through `writer`. */
  const setAnasLength = (writer: Database, minutes: number) =>
    writer
      .updateTable('appointments')
      .set({ length_minutes: minutes })
      .where('id', '=', appointmentId)
      .execute()

  it('answers from memory until a row it was read from changes, whoever changes it', async () => {
    expect(await anasLengths()).toEqual([30])
    expect(await anasLengths()).toEqual([30])
    expect(loads).toBe(1)

    await setAnasLength(otherWriter.db, 45)
    await reads.settle()
    expect(await anasLengths()).toEqual([45])
    expect(loads).toBe(2)
  })

  it('keeps the read when another patient’s rows change', async () => {
    await anasLengths()
    await otherWriter.db
      .insertInto('appointments')
      .values({
        practice_id: practiceId,
        patient_id: ben,
        starts_at: new Date(),
        length_minutes: 60,
      })
      .execute()
    await reads.settle()
    await anasLengths()
    expect(loads).toBe(1)
  })

  it('drops every read of a table changed as a whole (a TRUNCATE, a shared table)', async () => {
    await anasLengths([['appointments', ana], ['providers']])
    await otherWriter.db
      .insertInto('providers')
      .values({ practice_id: practiceId, first_name: 'Cy', last_name: 'Cedar' })
      .execute()
    await reads.settle()
    await anasLengths([['appointments', ana], ['providers']])
    expect(loads).toBe(2)
  })

  it('announces a child row by its parent’s patient (a visit’s procedures)', async () => {
    const read = () => anasLengths([['appointment_procedures', ana]])
    await read()
    await otherWriter.db
      .insertInto('appointment_procedures')
      .values({
        practice_id: practiceId,
        appointment_id: appointmentId,
        code: 'D0120',
        description: 'Exam',
      })
      .execute()
    await reads.settle()
    await read()
    expect(loads).toBe(2)
  })

  it('drops nothing for a change that was rolled back', async () => {
    await anasLengths()
    await database.db
      .transaction()
      .execute(async (trx) => {
        await setAnasLength(trx, 90)
        throw new Error('changed my mind')
      })
      .catch(() => {})
    await reads.settle()
    await anasLengths()
    expect(loads).toBe(1)
  })

  it('reads from the database when asked for a fresh read, just after writing', async () => {
    await anasLengths()
    await setAnasLength(database.db, 35)
    // No settle: the writer's own notification may not be back yet.
    expect(await anasLengths(undefined, { fresh: true })).toEqual([35])
    expect(loads).toBe(2)
  })

  it('keeps nothing that was found missing, and shares frozen results', async () => {
    const missing = () =>
      reads.read(
        'missing',
        async () => {
          loads++
          return undefined
        },
        () => [],
      )
    await missing()
    await missing()
    expect(loads).toBe(2)
    const lengths = await anasLengths()
    expect(Object.isFrozen(lengths)).toBe(true)
  })

  if (kind === 'postgres') {
    it('reads from the database while notifications are lost, and keeps reads again once back', async () => {
      await anasLengths()
      const schema = await currentSchema(database)
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
        where application_name = ${`bitewing changes ${schema}`}`.execute(otherWriter.db)
      // Written while nobody listens: no notification will ever say so.
      await setAnasLength(otherWriter.db, 50)
      await expect.poll(() => anasLengths()).toEqual([50])
      await expect
        .poll(async () => {
          const before = loads
          await anasLengths()
          await anasLengths()
          return loads - before
        })
        .toBeLessThanOrEqual(1)
    })
  }
})

async function currentSchema(database: DatabaseHandle) {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
    database.db,
  )
  return rows[0]?.schema ?? ''
}

async function openSameSchema(database: DatabaseHandle) {
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('TEST_DATABASE_URL is not set')
  return openDatabase({ url, schema: await currentSchema(database), poolSize: 2 })
}
