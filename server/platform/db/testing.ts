import { randomBytes } from 'node:crypto'
import { describe } from 'vitest'
import { type DatabaseHandle, openDatabase } from './database.ts'
import { migrate } from './migrate.ts'
import { loadPGliteTemplate } from './pglite-template.ts'

export type DatabaseKind = 'pglite' | 'postgres'

/** The embedded database always; PostgreSQL too when TEST_DATABASE_URL names one (CI does). */
export const TEST_DATABASE_KINDS: DatabaseKind[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite']

export interface TestDatabase extends DatabaseHandle {
  /** Drops everything the test made (PostgreSQL: its own schema) and closes the connections. */
  destroy(): Promise<void>
}

/**
 * A migrated, empty database of the given kind that no other test file sees: a fresh in-memory
 * PGlite, or a schema of its own in the PostgreSQL test database.
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrated = options.migrate !== false
  const handle: TestDatabase =
    kind === 'pglite'
      ? await openPGliteInMemory(migrated)
      : await openPostgresSchema(createSchemaName())
  if (migrated) await migrate(handle)
  return handle
}

async function openPGliteInMemory(fromTemplate: boolean): Promise<TestDatabase> {
  const template = fromTemplate ? await loadPGliteTemplate() : undefined
  const handle = await openDatabase({ template })
  return { ...handle, destroy: () => handle.close() }
}

function createSchemaName() {
  return `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
}

async function openPostgresSchema(schema: string): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('TEST_DATABASE_URL is not set')
  const admin = await openDatabase({ url, poolSize: 1 })
  await admin.withSession((run) => run(`create schema ${schema}`))
  const handle = await openDatabase({ url, schema, poolSize: 5 })
  return {
    ...handle,
    async destroy() {
      await handle.close()
      await admin.withSession((run) => run(`drop schema ${schema} cascade`))
      await admin.close()
    },
  }
}

/** Runs the same suite once per database kind, with the kind in the suite's name. */
export function describeEachDatabase(name: string, suite: (kind: DatabaseKind) => void) {
  for (const kind of TEST_DATABASE_KINDS) describe(`${name} [${kind}]`, () => suite(kind))
}
