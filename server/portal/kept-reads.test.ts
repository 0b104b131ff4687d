import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sessionContext, sessionContextDependencies } from '../platform/auth/portal-guard.ts'
import { WATCHED_TABLES } from '../platform/db/change-feed.ts'
import type { Dependency } from '../platform/db/read-cache.ts'
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '../platform/db/testing.ts'
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
})
