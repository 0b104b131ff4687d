import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { loadConfig } from '../config.ts'
import { type DatabaseHandle, openDatabase } from '../platform/db/database.ts'
import { migrate } from '../platform/db/migrate.ts'
import { LocalFileStorage } from '../platform/files/storage.ts'
import { exportPractice } from './export.ts'
import {
  DEFAULT_DEMO_PATIENTS,
  DEFAULT_DEMO_SEED,
  DEMO_PRACTICE_SLUG,
  generateDemoPractice,
} from './generate.ts'

const USAGE = `Usage: npm run demo -- [--patients N] [--seed S] [--reset]
       npm run demo -- export FILE [--patients N] [--seed S]

Builds the Maple Grove Dental demo practice in the configured database
(DATABASE_URL, or the embedded database in DATA_DIR).

  --patients N  how many patients, the Garcia family included (default ${DEFAULT_DEMO_PATIENTS})
  --seed S      random seed; the same seed gives the same practice (default ${DEFAULT_DEMO_SEED})
  --reset       delete the existing demo practice first

export FILE builds the same practice in a throwaway embedded database and writes it to FILE as
the sync API's NDJSON export (one operation a line), for \`npm run sync -- import FILE\`.`

class UsageError extends Error {}

function parseOptions(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      patients: { type: 'string' },
      seed: { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const integer = (name: string, value: string | undefined, fallback: number, min: number) => {
    if (value === undefined) return fallback
    const parsed = Number(value.replace(/_/g, ''))
    if (!Number.isInteger(parsed) || parsed < min) {
      throw new UsageError(`--${name} must be a whole number of at least ${min}, not "${value}".`)
    }
    return parsed
  }
  const [command, file, ...extra] = positionals
  if ((command !== undefined && command !== 'export') || (command && !file) || extra.length) {
    throw new UsageError('The only command is "export FILE".')
  }
  return {
    exportTo: file,
    help: values.help ?? false,
    reset: values.reset ?? false,
    patients: integer('patients', values.patients, DEFAULT_DEMO_PATIENTS, 5),
    seed: integer('seed', values.seed, DEFAULT_DEMO_SEED, 0),
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2))
  if (options.help) {
    console.log(USAGE)
    return
  }
  if (options.exportTo) {
    await exportDemo(options.exportTo, options)
    return
  }
  const config = loadConfig()
  await fs.mkdir(config.dataDir, { recursive: true })
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir })
  const filesRoot = path.join(config.dataDir, 'files')
  try {
    await migrate(database)
    await makeRoom(database, filesRoot, options.reset)
    const where =
      database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'
    console.log(
      `Building the demo practice: ${options.patients} patients, seed ${options.seed}, ${where}.`,
    )
    const started = performance.now()
    const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`
    let lastReport = 0
    const result = await generateDemoPractice(database.db, new LocalFileStorage(filesRoot), {
      patients: options.patients,
      seed: options.seed,
      onProgress(written, total) {
        const now = performance.now()
        if (written === total || now - lastReport > 2000) {
          lastReport = now
          const share = Math.floor((written / total) * 100)
          console.log(
            `  ${written.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} patients (${share} %), ${elapsed()}`,
          )
        }
      },
    })
    console.log(`Done in ${elapsed()}. Rows written:`)
    const width = Math.max(...Object.keys(result.counts).map((table) => table.length))
    for (const [table, count] of Object.entries(result.counts)) {
      console.log(`  ${table.padEnd(width)}  ${count.toLocaleString('en-US').padStart(11)}`)
    }
    const total = Object.values(result.counts).reduce((sum, count) => sum + count, 0)
    console.log(`  ${'total'.padEnd(width)}  ${total.toLocaleString('en-US').padStart(11)}`)
  } finally {
    await database.close()
  }
}

/** Builds the demo in a throwaway embedded database and writes it as an NDJSON export. */
async function exportDemo(file: string, options: { patients: number; seed: number }) {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-demo-export-'))
  const database = await openDatabase({})
  try {
    await migrate(database)
    const files = new LocalFileStorage(folder)
    console.log(`Building the demo practice: ${options.patients} patients, seed ${options.seed}.`)
    const { practiceId } = await generateDemoPractice(database.db, files, options)
    const lines = await exportPractice(database.db, files, practiceId, file)
    console.log(`Wrote ${lines.toLocaleString('en-US')} operations to ${file}.`)
  } finally {
    await database.close()
    await fs.rm(folder, { recursive: true, force: true })
  }
}

/**
 * Refuses to write next to an existing practice unless asked to reset, and then removes only
 * the demo practice. When it is the database's only practice, TRUNCATE empties every table at
 * once; a row-by-row cascade would check each of 10⁵ patients against tables whose foreign
 * keys have no index of their own.
 */
async function makeRoom(database: DatabaseHandle, filesRoot: string, reset: boolean) {
  const practices = await database.db
    .selectFrom('practices')
    .select(['id', 'slug', 'name'])
    .execute()
  if (practices.length === 0) return
  const demo = practices.find((practice) => practice.slug === DEMO_PRACTICE_SLUG)
  const others = practices.filter((practice) => practice !== demo)
  if (!reset) {
    throw new UsageError(
      demo
        ? 'The demo practice already exists. Run again with --reset to delete it and build a new one.'
        : `The database already holds a practice (${others[0]?.name}); the demo needs an empty database.`,
    )
  }
  if (!demo) {
    throw new UsageError(
      `The database holds other practices (${others.map((p) => p.name).join(', ')}) and no demo practice; --reset only deletes the demo practice.`,
    )
  }
  console.log('Deleting the existing demo practice…')
  if (others.length === 0) {
    // The audit log and the throttles' counters name practices without a foreign key; a reset demo
    // starts without its events, and its user names (same ids again) without old attempts.
    await sql`truncate table practices, audit_events, attempt_counters restart identity cascade`.execute(
      database.db,
    )
  } else {
    await database.db.deleteFrom('practices').where('id', '=', demo.id).execute()
  }
  await fs.rm(path.join(filesRoot, 'practices', String(demo.id)), { recursive: true, force: true })
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
    console.error(`${error.message}\n\n${USAGE}`)
  } else {
    console.error('The demo practice could not be built:', error)
  }
  process.exit(1)
})
