import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { seedPatient, seedPractice, seedStaff } from '../../testing/fixtures.ts'
import { officeSignIn, TEST_ORIGIN } from '../../testing/http.ts'
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../db/testing.ts'
import { LocalFileStorage } from '../files/storage.ts'

const NAME = 'Zzyzxname'

/**
 * Ways the database refuses a write that carry the value written: a cast error quotes it in its
 * message, a check violation repeats the row in its `detail`; PGlite adds the statement's
 * parameters to both. Installed by the test, since the app itself writes nothing so wrong.
 */
const FAULTS = {
  'a cast error': [
    sql`create function refuse_portal_user() returns trigger language plpgsql as $$
      begin perform new.username::integer; return new; end $$`,
    sql`create trigger refuse_portal_user before insert on portal_users
      for each row execute function refuse_portal_user()`,
  ],
  'a check violation': [
    sql`alter table portal_users add constraint refuse_portal_user
      check (username not ilike 'zzyzx%') not valid`,
  ],
}

describeEachDatabase('logs: an unexpected database error', (kind) => {
  let database: TestDatabase
  let root: string
  let patientId = 0
  beforeAll(async () => {
    database = await createTestDatabase(kind)
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-logging-'))
    const practiceId = await seedPractice(database.db)
    await seedStaff(database.db, { practiceId, username: 'admin', password: 'admin password 1' })
    patientId = await seedPatient(database.db, {
      practiceId,
      first_name: NAME,
      last_name: 'Quill',
      birthdate: '1961-07-14',
    })
  })
  afterAll(async () => {
    await database.destroy()
    await fs.rm(root, { recursive: true, force: true })
  })

  it.each(Object.keys(FAULTS) as (keyof typeof FAULTS)[])(
    'from %s logs no name of the patient, no statement and no parameters',
    async (fault) => {
      await sql`drop trigger if exists refuse_portal_user on portal_users`.execute(database.db)
      await sql`drop function if exists refuse_portal_user()`.execute(database.db)
      await sql`alter table portal_users drop constraint if exists refuse_portal_user`.execute(
        database.db,
      )
      for (const statement of FAULTS[fault]) await statement.execute(database.db)
      const lines: string[] = []
      const app = await buildApp({
        config: {
          env: 'test',
          publicUrl: TEST_ORIGIN,
          logLevel: 'debug',
          webDist: path.join(root, 'web'),
          trustProxy: false,
        },
        db: database.db,
        files: new LocalFileStorage(path.join(root, 'files')),
        logging: { write: (line) => lines.push(line) },
      })
      try {
        const cookie = await officeSignIn(app, 'admin', 'admin password 1')
        // Give access without a user name: the suggested one is made of the first name.
        const response = await app.inject({
          method: 'POST',
          url: `/api/office/patients/${patientId}/access`,
          headers: { origin: TEST_ORIGIN, cookie },
          payload: {},
        })
        expect(response.statusCode).toBe(500)
        expect(response.body).not.toMatch(/zzyzx/i)
      } finally {
        await app.close()
      }
      const log = lines.join('')
      const failure = lines.find((line) => line.includes('unexpected error')) ?? ''
      // The error is there, with what tells what went wrong: its SQLSTATE and message.
      expect(JSON.parse(failure).err).toMatchObject({
        code: expect.stringMatching(/^[0-9A-Z]{5}$/),
        message: expect.any(String),
      })
      expect(log).not.toMatch(/zzyzx/i)
      expect(log).not.toMatch(/insert into/i)
    },
  )
})
