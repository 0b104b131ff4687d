import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from './database.ts'
import { loadMigrations, migrate } from './migrate.ts'

/**
 * A migrated, empty embedded database saved as a tarball, so each test file starts from a copy
 * instead of running initdb and every migration again (seconds each on a busy 2-core machine).
 * The name carries a hash of the migrations: a changed migration makes a new template.
 */
export async function pgliteTemplatePath(): Promise<string> {
  const migrations = await loadMigrations()
  const hash = createHash('sha256')
  for (const migration of migrations) hash.update(migration.name).update(migration.sql)
  return path.join(os.tmpdir(), `bitewing-pglite-${hash.digest('hex').slice(0, 16)}.tar.gz`)
}

export async function ensurePGliteTemplate(): Promise<string> {
  const target = await pgliteTemplatePath()
  if (await exists(target)) return target
  const handle = await openDatabase({})
  try {
    await migrate(handle)
    if (!handle.dumpDataDir) throw new Error('The embedded database cannot be dumped')
    const dump = await handle.dumpDataDir()
    const partial = `${target}.${process.pid}.partial`
    await fs.writeFile(partial, Buffer.from(await dump.arrayBuffer()))
    await fs.rename(partial, target)
  } finally {
    await handle.close()
  }
  return target
}

export async function loadPGliteTemplate(): Promise<Blob> {
  const file = await ensurePGliteTemplate()
  return new Blob([await fs.readFile(file)])
}

async function exists(file: string) {
  try {
    await fs.access(file)
    return true
  } catch {
    return false
  }
}
