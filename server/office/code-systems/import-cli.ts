import fs from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { loadConfig } from '../../config.ts'
import { openDatabase } from '../../platform/db/database.ts'
import { migrate } from '../../platform/db/migrate.ts'
import { importCvx, importSnomedFile } from './import.ts'
import { CodeFileError } from './rules.ts'

const USAGE = `Usage: npm run codes -- --practice-id N (--cvx [FILE] | --snomed FILE)

Imports a code system for a practice's care summaries, in the configured database
(DATABASE_URL, or the embedded database in DATA_DIR). Summaries are created once a practice
has imported both SNOMED CT and CVX.

  --practice-id N  the practice (see the office console, or: select id, name from practices)
  --cvx [FILE]     the CVX list: without FILE, the list that ships with Bitewing; or CDC's
                   pipe-delimited cvx.txt, or a TSV like server/ccd/codes/cvx.tsv
  --snomed FILE    the practice's licensed SNOMED CT release: the RF2 description file,
                   e.g. sct2_Description_Snapshot-en_INT_20240101.txt (streamed, not loaded whole)`

class UsageError extends Error {}

function parseOptions(argv: string[]) {
  // `--cvx` may stand alone (the shipped list): give it an empty value for parseArgs.
  const args = argv.flatMap((arg, index) =>
    arg === '--cvx' && (argv[index + 1] === undefined || argv[index + 1]?.startsWith('--'))
      ? ['--cvx=']
      : [arg],
  )
  const { values } = parseArgs({
    args,
    options: {
      'practice-id': { type: 'string' },
      cvx: { type: 'string' },
      snomed: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) return { help: true as const }
  const practiceId = Number(values['practice-id'])
  if (!Number.isInteger(practiceId) || practiceId < 1) {
    throw new UsageError('--practice-id must be a practice id (a whole number).')
  }
  if ((values.cvx === undefined) === (values.snomed === undefined)) {
    throw new UsageError('Give exactly one of --cvx or --snomed.')
  }
  return { help: false as const, practiceId, cvx: values.cvx, snomed: values.snomed }
}

async function main() {
  const options = parseOptions(process.argv.slice(2))
  if (options.help) {
    console.log(USAGE)
    return
  }
  const config = loadConfig()
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir })
  try {
    await migrate(database)
    const practice = await database.db
      .selectFrom('practices')
      .select(['id', 'name'])
      .where('id', '=', options.practiceId)
      .executeTakeFirst()
    if (!practice) throw new UsageError(`There is no practice with id ${options.practiceId}.`)
    const started = performance.now()
    const by = { practiceId: practice.id, staffId: null }
    const result =
      options.snomed !== undefined
        ? await importSnomedFile(database.db, { ...by, file: options.snomed })
        : await importCvx(database.db, {
            ...by,
            ...(options.cvx ? { text: await fs.readFile(options.cvx, 'utf8') } : {}),
          })
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(
      `${practice.name}: imported ${result.codeCount} ${result.system} codes (version ${result.version}) in ${seconds} s.`,
    )
  } finally {
    await database.close()
  }
}

main().catch((error) => {
  if (error instanceof UsageError || error instanceof CodeFileError) {
    console.error(error.message)
    if (error instanceof UsageError) console.error(`\n${USAGE}`)
  } else if (error?.code === 'ENOENT') {
    console.error(`File not found: ${error.path}`)
  } else {
    console.error(error)
  }
  process.exitCode = 1
})
