import { afterAll, beforeAll, expect, it } from 'vitest'
import { seedPatient, seedPractice } from '../../testing/fixtures.ts'
import { compiledQuery } from './compiled.ts'
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './testing.ts'

describeEachDatabase('a query compiled once', (kind) => {
  let database: TestDatabase
  let practiceId = 0

  beforeAll(async () => {
    database = await createTestDatabase(kind)
    practiceId = await seedPractice(database.db)
    for (const first_name of ['Ann', 'Bea', 'Cy']) {
      await seedPatient(database.db, {
        practiceId,
        first_name,
        last_name: 'Lee',
        status: 'Patient',
      })
    }
  })
  afterAll(() => database.destroy())

  const patientsNamed = compiledQuery(
    (db, values: { practiceId: number; firstName: string; limit: number }) =>
      db
        .selectFrom('patients')
        .select(['first_name', 'status'])
        .where('practice_id', '=', values.practiceId)
        .where('first_name', '>=', values.firstName)
        .where('status', '=', 'Patient')
        .orderBy('first_name')
        .limit(values.limit),
  )

  it('binds each run its own values, keeping the constants it was built with', async () => {
    const first = await patientsNamed.execute(database.db, { practiceId, firstName: 'A', limit: 2 })
    const second = await patientsNamed.execute(database.db, {
      practiceId,
      firstName: 'Bea',
      limit: 5,
    })
    expect(first.map((row) => row.first_name)).toEqual(['Ann', 'Bea'])
    expect(second).toEqual([
      { first_name: 'Bea', status: 'Patient' },
      { first_name: 'Cy', status: 'Patient' },
    ])
    expect(
      await patientsNamed.executeTakeFirst(database.db, {
        practiceId: practiceId + 1,
        firstName: 'A',
        limit: 1,
      }),
    ).toBeUndefined()
  })
})
