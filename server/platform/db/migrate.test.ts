import fs from 'node:fs/promises'
import { sql } from 'kysely'
import { afterEach, expect, it } from 'vitest'
import { generateTypes, SCHEMA_FILE } from './generate-types.ts'
import { loadMigrations, MigrationError, migrate } from './migrate.ts'
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './testing.ts'

// Creating and migrating a database from scratch is the slow path the template avoids elsewhere.
describeEachDatabase('migrations', (kind) => {
  let database: TestDatabase | undefined
  afterEach(async () => {
    await database?.destroy()
    database = undefined
  })

  it('apply every migration once and record it', { timeout: 120_000 }, async () => {
    database = await createTestDatabase(kind, { migrate: false })
    const all = await loadMigrations()
    expect(await migrate(database)).toEqual(all.map((migration) => migration.name))
    expect(await migrate(database)).toEqual([])
  })

  it('leave the database as it was when a migration fails half-way', {
    timeout: 120_000,
  }, async () => {
    database = await createTestDatabase(kind, { migrate: false })
    const broken = [
      { name: '0001_ok.sql', sql: 'create table kept (id integer)' },
      {
        name: '0002_broken.sql',
        sql: 'create table half (id integer); select * from missing_table',
      },
    ]
    await expect(migrate(database, broken)).rejects.toBeInstanceOf(MigrationError)
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = current_schema()
      order by table_name`.execute(database.db)
    expect(tables.rows.map((row) => row.table_name)).toEqual(['kept', 'schema_migrations'])
    const applied = await database.db.selectFrom('schema_migrations').select('name').execute()
    expect(applied.map((row) => row.name)).toEqual(['0001_ok.sql'])
  })

  it('match the Kysely types committed in schema.ts', async () => {
    database = await createTestDatabase(kind)
    const committed = await fs.readFile(SCHEMA_FILE, 'utf8')
    expect(await generateTypes(database)).toBe(committed)
  })
})
