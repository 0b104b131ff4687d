import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DatabaseHandle, ScriptSession } from './database.ts'

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')
// Any constant works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK = 4_742_651

export interface Migration {
  name: string
  sql: string
}

/** The migrations' file names, in the order they apply; their text is not read. */
async function migrationNames(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).filter((name) => name.endsWith('.sql')).sort()
}

function readMigration(dir: string, name: string): Promise<string> {
  return fs.readFile(path.join(dir, name), 'utf8')
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = await migrationNames(dir)
  return Promise.all(names.map(async (name) => ({ name, sql: await readMigration(dir, name) })))
}

/**
 * Applies the migrations not yet recorded, in name order, each in its own transaction: a failing
 * migration leaves the database exactly as the previous one left it. Instances starting together
 * take turns through an advisory lock. Returns the names applied.
 */
export async function migrate(handle: DatabaseHandle, migrations?: Migration[]): Promise<string[]> {
  // Without a list, the shipped migrations: an ordinary start, with none pending, reads only the
  // folder's names, not the text of every migration there has been.
  const all: PendingMigration[] =
    migrations ?? (await migrationNames(MIGRATIONS_DIR)).map((name) => ({ name }))
  return handle.withSession(async (run) => {
    await run(`select pg_advisory_lock(${MIGRATION_LOCK})`)
    try {
      await run(`create table if not exists schema_migrations (
        name text primary key,
        applied_at timestamptz not null default now()
      )`)
      const applied = new Set(await appliedNames(handle))
      const pending = all.filter((migration) => !applied.has(migration.name))
      for (const migration of pending) await applyOne(run, migration)
      return pending.map((migration) => migration.name)
    } finally {
      await run(`select pg_advisory_unlock(${MIGRATION_LOCK})`)
    }
  })
}

async function appliedNames(handle: DatabaseHandle): Promise<string[]> {
  const rows = await handle.db.selectFrom('schema_migrations').select('name').execute()
  return rows.map((row) => row.name)
}

/** A migration to apply; without its text, the shipped one of that name. */
type PendingMigration = Pick<Migration, 'name'> & Partial<Migration>

async function applyOne(run: ScriptSession, migration: PendingMigration) {
  const text = migration.sql ?? (await readMigration(MIGRATIONS_DIR, migration.name))
  await run('begin')
  try {
    await run(text)
    await run(
      `insert into schema_migrations (name) values ('${migration.name.replace(/'/g, "''")}')`,
    )
    await run('commit')
  } catch (error) {
    await run('rollback')
    throw new MigrationError(migration.name, error)
  }
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(
      `Migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    )
  }
}
