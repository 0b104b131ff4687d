// `npm run setup`: first-run setup for automated installs, the same command as the setup page.
// The password comes from BITEWING_ADMIN_PASSWORD or a prompt, never an argument: arguments
// show in `ps` and in shell history.
import fs from 'node:fs/promises'
import { createInterface } from 'node:readline/promises'
import { Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import { loadConfig } from '../../config.ts'
import { openDatabase } from '../../platform/db/database.ts'
import { migrate } from '../../platform/db/migrate.ts'
import { Problem } from '../../platform/http/problems.ts'
import { parseHoursOption } from './cli-options.ts'
import { setUpPractice } from './setup.ts'

const USAGE = `Usage: npm run setup -- --practice "Name" --admin-user NAME [options]

Creates the practice and its first administrator in the configured database (DATABASE_URL, or
the embedded database in DATA_DIR). Refused once a practice exists.

  --practice NAME       the practice's name (required)
  --admin-user NAME     the administrator's user name (required)
  --admin-name NAME     the name staff see (default: the user name)
  --location NAME       its first location (default: the practice's name)
  --phone PHONE         the location's phone number
  --email EMAIL         the location's email address
  --address LINE        its street address (--address2 LINE for a second line)
  --city CITY, --region REGION, --postal-code CODE
  --hours HOURS         opening hours, e.g. "Mon-Fri 08:00-17:00, Sat 09:00-13:00"
  --time-zone ZONE      IANA time zone (default: this machine's, ${systemTimeZone()})
  --country CC          two-letter country code (default: US)
  --currency CUR        three-letter currency code (default: USD)

The password is read from BITEWING_ADMIN_PASSWORD, or asked for when that is not set.`

function systemTimeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      practice: { type: 'string' },
      'admin-user': { type: 'string' },
      'admin-name': { type: 'string' },
      location: { type: 'string' },
      phone: { type: 'string' },
      email: { type: 'string' },
      address: { type: 'string' },
      address2: { type: 'string' },
      city: { type: 'string' },
      region: { type: 'string' },
      'postal-code': { type: 'string' },
      hours: { type: 'string' },
      'time-zone': { type: 'string' },
      country: { type: 'string' },
      currency: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  return values
}

/** Asks without echoing what is typed. */
async function promptPassword(question: string): Promise<string> {
  let muted = false
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk)
      done()
    },
  })
  const reader = createInterface({ input: process.stdin, output, terminal: true })
  try {
    const answer = reader.question(question)
    muted = true
    const password = await answer
    process.stdout.write('\n')
    return password
  } finally {
    reader.close()
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2))
  if (options.help || !options.practice || !options['admin-user']) {
    console.log(USAGE)
    process.exitCode = options.help ? 0 : 2
    return
  }
  const hours = parseHoursOption(options.hours ?? '')
  if (typeof hours === 'string') {
    console.error(`--hours: ${hours}`)
    process.exitCode = 2
    return
  }
  const password =
    process.env.BITEWING_ADMIN_PASSWORD ??
    (process.stdin.isTTY ? await promptPassword('Administrator password: ') : '')
  if (!password) {
    console.error('Set BITEWING_ADMIN_PASSWORD or run this in a terminal to be asked for it.')
    process.exitCode = 2
    return
  }
  const config = loadConfig()
  await fs.mkdir(config.dataDir, { recursive: true })
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir })
  try {
    await migrate(database)
    const username = options['admin-user']
    const done = await setUpPractice(
      database.db,
      {
        practice: {
          name: options.practice,
          timeZone: options['time-zone'] ?? systemTimeZone(),
          country: options.country ?? 'US',
          currency: options.currency ?? 'USD',
        },
        locations: [
          {
            name: options.location ?? options.practice,
            phone: options.phone ?? null,
            email: options.email ?? null,
            address1: options.address ?? null,
            address2: options.address2 ?? null,
            city: options.city ?? null,
            region: options.region ?? null,
            postalCode: options['postal-code'] ?? null,
            hours,
          },
        ],
        admin: { username, displayName: options['admin-name'] ?? username, password },
      },
      { token: null },
    )
    console.log(
      `${done.practiceName} is set up. Sign in to the office console as ${done.username}: ${config.publicUrl}/office/`,
    )
  } catch (error) {
    if (!(error instanceof Problem)) throw error
    const fields = Object.entries(error.errors ?? {}).map(([field, text]) => `  ${field}: ${text}`)
    console.error([error.detail ?? error.title, ...fields].join('\n'))
    process.exitCode = 1
  } finally {
    await database.close()
  }
}

await main()
