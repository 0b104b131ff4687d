import fs from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { type DatabaseHandle, openDatabase } from '../platform/db/database.ts'
import { migrate } from '../platform/db/migrate.ts'
import { createSecretBox, loadSecretKey } from '../platform/mail/secrets.ts'
import { createSyncClient, SyncUnreachable } from './client.ts'
import { removeWebhook } from './events/queries.ts'
import { configureWebhook } from './events/webhooks.ts'
import { ImportStopped, importFile } from './import/load.ts'
import { progressFileOf } from './import/progress.ts'
import { progressBar } from './import/rules.ts'
import { createSyncKey } from './keys.ts'

const USAGE = `Usage: npm run sync -- <command> [options]

On the server (opens the configured database: DATABASE_URL, or the embedded one in DATA_DIR):
  create-key --name NAME [--practice SLUG]   make a sync API key; it is printed once
  webhook --url URL [--practice SLUG]        announce new events to URL (prints the signing secret once)
  webhook --remove [--practice SLUG]         stop announcing events

Anywhere (through the HTTP API: --url or BITEWING_URL, and BITEWING_SYNC_KEY):
  events [--after CURSOR] [--limit N]        print the event feed, one event a line
  import FILE [--batch N]                    load an NDJSON export (one operation a line), N
                                             operations a batch (at most 1000); resumable

docs/sync-api.md describes the API, the export format and the events.`

class UsageError extends Error {}

const OPTIONS = {
  name: { type: 'string' },
  practice: { type: 'string' },
  url: { type: 'string' },
  remove: { type: 'boolean', default: false },
  after: { type: 'string' },
  limit: { type: 'string' },
  batch: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const

async function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
  })
  const [command, ...rest] = positionals
  if (values.help || !command) {
    console.log(USAGE)
    return
  }
  const run = COMMANDS[command]
  if (!run) throw new UsageError(`There is no command "${command}".`)
  await run(values, rest)
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values']

const COMMANDS: Record<string, (values: Values, rest: string[]) => Promise<void>> = {
  async 'create-key'(values) {
    const name = values.name?.trim()
    if (!name) throw new UsageError('Name the key: --name "Open Dental".')
    await withPractice(values.practice, async ({ db }, practice) => {
      const created = await createSyncKey(db, practice.id, name)
      console.log(`Sync API key "${created.name}" for ${practice.name} (shown this once):\n`)
      console.log(`  ${created.key}\n`)
      console.log(
        'Give it to the PMS as "Authorization: Bearer <key>". Bitewing keeps only its hash.',
      )
    })
  },

  async webhook(values) {
    if (!values.remove && !values.url) throw new UsageError('Give --url URL, or --remove.')
    const config = loadConfig()
    const secrets = createSecretBox(await loadSecretKey(config.dataDir, config.secretKey))
    await withPractice(values.practice, async ({ db }, practice) => {
      if (values.remove) {
        const removed = await removeWebhook(db, practice.id)
        console.log(removed ? 'Webhook removed.' : `${practice.name} had no webhook.`)
        return
      }
      const created = await configureWebhook(db, secrets, practice.id, values.url ?? '')
      console.log(`New events of ${practice.name} are POSTed to ${created.url}.`)
      console.log(`Signing secret (shown this once): ${created.secret}`)
    })
  },

  async events(values) {
    const client = apiClient(values)
    const limit = values.limit ?? '100'
    const after = values.after ? `&after=${encodeURIComponent(values.after)}` : ''
    const answer = await client.call(
      'GET',
      `/api/sync/v1/events?limit=${encodeURIComponent(limit)}${after}`,
    )
    if (answer.status !== 200)
      throw new UsageError(
        `The API answered ${answer.status}: ${String(answer.body.detail ?? answer.body.title)}`,
      )
    const events = answer.body.events as {
      id: string
      occurredAt: string
      type: string
      data: unknown
    }[]
    for (const event of events) {
      console.log(`${event.id}\t${event.occurredAt}\t${event.type}\t${JSON.stringify(event.data)}`)
    }
    console.error(
      `${events.length} event(s).${answer.body.hasMore ? ' More wait:' : ''} Next: --after ${answer.body.next ?? '(none yet)'}`,
    )
  },

  async import(values, [file]) {
    if (!file) throw new UsageError('Name the export: npm run sync -- import practice.ndjson')
    const client = apiClient(values)
    const bar = process.stderr.isTTY
    const started = performance.now()
    const summary = await importFile({
      file,
      client,
      batchSize: values.batch ? Number(values.batch) : undefined,
      onProgress(line, total) {
        if (!bar) return
        const seconds = (performance.now() - started) / 1000
        process.stderr.write(
          `\r${progressBar(line, total)}  line ${line.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}, ${seconds.toFixed(0)} s `,
        )
      },
    })
    if (bar) process.stderr.write('\n')
    const seconds = (performance.now() - started) / 1000
    if (summary.resumedAfter > 0) console.log(`Resumed after line ${summary.resumedAfter}.`)
    console.log(
      `${summary.committed.toLocaleString('en-US')} operations loaded in ${seconds.toFixed(1)} s.`,
    )
    if (summary.errors.length > 0) {
      console.log(`${summary.errors.length} line(s) refused:`)
      for (const error of summary.errors) console.log(`  line ${error.line}: ${error.message}`)
      process.exitCode = 2
    }
  },
}

function apiClient(values: Values) {
  const url = values.url ?? process.env.BITEWING_URL
  const key = process.env.BITEWING_SYNC_KEY
  if (!url)
    throw new UsageError(
      'Give the server address: --url https://portal.example.com, or BITEWING_URL.',
    )
  if (!key)
    throw new UsageError('Set BITEWING_SYNC_KEY to a sync API key (npm run sync -- create-key).')
  return createSyncClient({ url, key })
}

/** Opens the configured database (migrated), finds the practice, runs `work`, closes. */
async function withPractice(
  slug: string | undefined,
  work: (database: DatabaseHandle, practice: { id: number; name: string }) => Promise<void>,
) {
  const config = loadConfig()
  await fs.mkdir(config.dataDir, { recursive: true })
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir })
  try {
    await migrate(database)
    const practices = await database.db
      .selectFrom('practices')
      .select(['id', 'name', 'slug'])
      .execute()
    const practice = slug
      ? practices.find((p) => p.slug === slug)
      : practices.length === 1
        ? practices[0]
        : undefined
    if (!practice) {
      throw new UsageError(
        practices.length === 0
          ? 'The database holds no practice yet: set one up first (npm start prints the setup link).'
          : `Name the practice with --practice: ${practices.map((p) => p.slug).join(', ')}.`,
      )
    }
    await work(database, { id: Number(practice.id), name: practice.name })
  } finally {
    await database.close()
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
    console.error(`${error.message}\n\n${USAGE}`)
  } else if (error instanceof SyncUnreachable || error instanceof ImportStopped) {
    console.error(error.message)
    const file = process.argv[2] === 'import' ? process.argv[3] : undefined
    if (file) console.error(`Run it again to resume: its place is kept in ${progressFileOf(file)}.`)
  } else {
    console.error('The sync command failed:', error instanceof Error ? error.message : error)
  }
  process.exit(1)
})
