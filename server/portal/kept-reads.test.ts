import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionContext, sessionContextDependencies } from '../platform/auth/portal-guard.ts'
import { WATCHED_TABLES } from '../platform/db/change-feed.ts'
import type { Database } from '../platform/db/database.ts'
import type { Dependency } from '../platform/db/read-cache.ts'
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '../platform/db/testing.ts'
import { useFamilyApp } from '../testing/suite.ts'
import { accountTab, accountTabDependencies } from './account/queries.ts'
import { appointmentsTab, appointmentsTabDependencies } from './appointments/queries.ts'
import { sharedDocuments, sharedDocumentsDependencies } from './images/queries.ts'
import { savedPlans, savedPlansDependencies } from './plan/queries.ts'

/** The reads kept in memory, each with what it says it depends on (any ids will do here). */
const KEPT_READS = {
  'the portal session': { query: sessionContext, dependencies: guardDependencies() },
  'the Appointments tab': { query: appointmentsTab, dependencies: appointmentsTabDependencies(1) },
  'the Account tab': { query: accountTab, dependencies: accountTabDependencies(1) },
  'the Plan tab': { query: savedPlans, dependencies: savedPlansDependencies(1) },
  'the Images tab': { query: sharedDocuments, dependencies: sharedDocumentsDependencies(1) },
}

function guardDependencies(): Dependency[] {
  const member = { id: 1, first_name: '', last_name: '', preferred_name: null, status: 'Patient' }
  const row = { id: 1, practice_id: 1, portal_user_id: 1, self: { ...member, guarantor_id: 1 } }
  return sessionContextDependencies({ ...row, represented: [] } as never)
}

function tablesRead(text: string): string[] {
  return [...text.matchAll(/\b(?:from|join)\s+"(\w+)"/g)].map((match) => match[1] ?? '')
}

describeEachDatabase('kept reads', (kind) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase(kind)
  })
  afterAll(async () => {
    await database.destroy()
  })

  // A read kept while a table it reads from changes unannounced would show stale data for good.
  it.each(Object.entries(KEPT_READS))('%s depends on every table it reads', (_name, read) => {
    const tables = tablesRead(read.query.sql(database.db))
    expect(tables.length).toBeGreaterThan(0)
    const dependedOn = new Set(read.dependencies.map(([table]) => table))
    for (const table of tables) expect(dependedOn, table).toContain(table)
  })

  it('announces the changes of every table a kept read may depend on, in all four ways', async () => {
    // pg_trigger.tgtype bits: 4 insert, 8 delete, 16 update, 32 truncate.
    const { rows } = await sql<{ table: string; events: number }>`
      select c.relname as table, bit_or(t.tgtype::int) & 60 as events
      from pg_trigger t
      join pg_class c on c.oid = t.tgrelid
      where c.relnamespace = current_schema()::regnamespace
        and t.tgfoid = 'announce_changes'::regproc
      group by c.relname`.execute(database.db)
    const events = new Map(rows.map((row) => [row.table, row.events]))
    for (const table of WATCHED_TABLES) expect(events.get(table), table).toBe(60)
  })

  it('announces them in every replication role (replica mode skips ordinary triggers)', async () => {
    const { rows } = await sql<{ trigger: string; enabled: string }>`
      select t.tgname as trigger, t.tgenabled as enabled
      from pg_trigger t
      join pg_class c on c.oid = t.tgrelid
      where c.relnamespace = current_schema()::regnamespace
        and t.tgfoid = 'announce_changes'::regproc`.execute(database.db)
    expect(rows.length).toBeGreaterThanOrEqual(WATCHED_TABLES.length)
    for (const row of rows) expect(row.enabled, row.trigger).toBe('A')
  })
})

/**
 * Numbers each table's rows from its own thousand, so that no patient shares its id with a
 * session, a portal user or a practice: a read dropped by the wrong table's key would otherwise
 * be dropped by luck (patient 1's session is often session 1).
 */
async function staggerIds(db: Database) {
  const { rows } = await sql<{ table: string; column: string }>`
    select table_name as table, column_name as column from information_schema.columns
    where table_schema = current_schema() and is_identity = 'YES'
    order by table_name`.execute(db)
  for (const [index, row] of rows.entries()) {
    const start = (index + 1) * 1000
    await sql`alter table ${sql.id(row.table)} alter column ${sql.id(row.column)} restart with ${sql.lit(start)}`.execute(
      db,
    )
  }
}

/**
 * Changes made by other writers in the middle of a warm session (every read below was kept by an
 * earlier request), written as an app would and as a bulk loader does, in replica mode, where
 * ordinary triggers do not fire. The very next request must see each of them.
 */
describeEachDatabase('kept reads in a warm session', (kind) => {
  const suite = useFamilyApp(kind, { beforeSeeding: staggerIds })

  const get = (url: string, cookie: string) => suite.app.inject({ url, headers: { cookie } })
  const family = async (cookie: string) => {
    const response = await get('/api/portal/session', cookie)
    expect(response.statusCode).toBe(200)
    return response.json().family as { id: number; status: string }[]
  }
  const tab = (patientId: number, cookie: string) =>
    get(`/api/portal/patients/${patientId}/documents`, cookie)

  /** Another writer's transaction, committed, with its announcements (if any) arrived. */
  async function writeAs(
    mode: 'normally' | 'in replica mode',
    change: (db: Database) => Promise<unknown>,
  ) {
    await suite.db.transaction().execute(async (trx) => {
      if (mode === 'in replica mode') {
        await sql`set local session_replication_role = replica`.execute(trx)
      }
      await change(trx)
    })
    await suite.settle()
  }

  describe.each(['normally', 'in replica mode'] as const)('written %s', (mode) => {
    it('a removed representative link hides the child on the very next request', async () => {
      const child = mode === 'normally' ? suite.family.patients.sofia : suite.family.patients.mateo
      // Warm: the session and the child's tab are read twice, so the second came from memory.
      for (let round = 0; round < 2; round++) {
        expect((await family(suite.cookies.maria)).map((member) => member.id)).toContain(child)
        expect((await tab(child, suite.cookies.maria)).statusCode).toBe(200)
      }
      await writeAs(mode, (db) =>
        db
          .deleteFrom('patient_representatives')
          .where('representative_id', '=', suite.family.patients.maria)
          .where('patient_id', '=', child)
          .execute(),
      )
      expect((await family(suite.cookies.maria)).map((member) => member.id)).not.toContain(child)
      expect((await tab(child, suite.cookies.maria)).statusCode).toBe(404)
    })

    it("a patient's new status shows on the very next request", async () => {
      // Luis reads his own tab; Maria hers. Both may download images until archived.
      const [patient, cookie] =
        mode === 'normally'
          ? [suite.family.patients.luis, suite.cookies.luis]
          : [suite.family.patients.maria, suite.cookies.maria]
      for (let round = 0; round < 2; round++) {
        expect((await family(cookie))[0]).toMatchObject({ id: patient, status: 'Patient' })
        expect((await tab(patient, cookie)).json().canDownload).toBe(true)
      }
      await writeAs(mode, (db) =>
        db.updateTable('patients').set({ status: 'Archived' }).where('id', '=', patient).execute(),
      )
      expect((await family(cookie))[0]).toMatchObject({ id: patient, status: 'Archived' })
      expect((await tab(patient, cookie)).json().canDownload).toBe(false)
    })
  })
})
