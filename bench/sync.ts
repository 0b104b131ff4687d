/**
 * `npm run bench -- sync`: a 100 000-patient practice loaded through the sync API's batch endpoint
 * into PostgreSQL (DESIGN budget: under 5 minutes; the server under 300 MB resident). Each run
 * starts from a database of its own, dropped and made again (BENCH_SYNC_DATABASE_URL, default
 * `bitewing_bench_sync`), so nothing of the other benches' large practice is touched.
 * BENCH_SYNC_PATIENTS=N tries a smaller practice first.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { ensureServerBuilt } from '../scripts/server-build.mjs'
import { setUpPractice } from '../server/office/setup/setup.ts'
import { openDatabase } from '../server/platform/db/database.ts'
import { migrate } from '../server/platform/db/migrate.ts'
import { createSyncClient } from '../server/sync/client.ts'
import { appointments } from '../server/sync/collections/appointments.ts'
import type { ImportOperation } from '../server/sync/import/rules.ts'
import { createSyncKey } from '../server/sync/keys.ts'
import { residentMegabytes, spawnServer, stopServer, waitHealthy } from './server-process.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const DATA_DIR = path.join(ROOT, '.bench', 'sync-data')
const PORT = 3903
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/bitewing_bench_sync'
/** Whole families per batch: a guarantor and their family always travel together. */
const FAMILY = 3
const BATCH = 999
/** Batches in flight at once (the machine has 2 cores; the server and the database share them). */
const IN_FLIGHT = 2

async function recreateDatabase(url: string) {
  const name = new URL(url).pathname.slice(1).replace(/"/g, '')
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
  })
  await admin.connect()
  await admin.query(`drop database if exists "${name}" with (force)`)
  await admin.query(`create database "${name}"`)
  await admin.end()
}

/** An empty practice with its administrator and a sync API key, as a real install would have. */
async function emptyPractice(url: string): Promise<string> {
  const handle = await openDatabase({ url })
  try {
    await migrate(handle)
    await setUpPractice(
      handle.db,
      {
        practice: {
          name: 'Bench Dental',
          timeZone: 'America/Toronto',
          country: 'CA',
          currency: 'CAD',
        },
        locations: [
          {
            name: 'Bench Dental',
            phone: null,
            email: null,
            address1: null,
            address2: null,
            city: null,
            region: null,
            postalCode: null,
            hours: [],
          },
        ],
        admin: { username: 'admin', displayName: 'Admin', password: 'bench admin words' },
      },
      { token: null },
    )
    const practice = await handle.db.selectFrom('practices').select('id').executeTakeFirstOrThrow()
    return (await createSyncKey(handle.db, Number(practice.id), 'Bench PMS')).key
  } finally {
    await handle.close()
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * The practice as the PMS sends it, in phases whose batches may run side by side: the practice's
 * own rows, then patients (families whole within a batch), then each patient's appointment with
 * its procedures, then their recalls.
 */
export function syncPracticePhases(patients: number): ImportOperation[][] {
  const put = (collection: string, externalId: string, body: Record<string, unknown>) =>
    ({ op: 'put', collection, externalId, body }) as const
  const practice: ImportOperation[] = [
    put('clinics', 'C1', { name: 'Bench Dental' }),
    ...[1, 2, 3, 4].map((n) =>
      put('providers', `PR${n}`, { firstName: `Pat${n}`, lastName: 'Provider' }),
    ),
    put('recall-types', 'RT1', {
      description: 'Prophy',
      intervalMonths: 6,
      lengthMinutes: 60,
      procedureCodes: 'D0120,D1110',
    }),
  ]
  const people: ImportOperation[] = []
  // Each collection's rows one after the other: the batch endpoint writes a run of puts of one
  // collection in a few statements, and row by row when collections alternate.
  const visits: ImportOperation[] = []
  const recalls: ImportOperation[] = []
  for (let i = 0; i < patients; i++) {
    const id = `PAT${i + 1}`
    const head = `PAT${i - (i % FAMILY) + 1}`
    people.push(
      put('patients', id, {
        firstName: `First${i + 1}`,
        lastName: `Family${Math.floor(i / FAMILY) + 1}`,
        birthdate: `${1950 + (i % 60)}-${pad((i % 12) + 1)}-${pad((i % 28) + 1)}`,
        status: 'Patient',
        email: `patient${i + 1}@example.test`,
        phoneWireless: `519-555-${String(i % 10_000).padStart(4, '0')}`,
        address1: `${(i % 900) + 1} Elm St`,
        city: 'Guelph',
        region: 'ON',
        postalCode: 'N1H 2B2',
        country: 'CA',
        guarantorExternalId: head,
        clinicExternalId: 'C1',
        primaryProviderExternalId: `PR${(i % 4) + 1}`,
        representatives:
          id === head ? [] : [{ patientExternalId: head, relationship: 'Guarantor' }],
      }),
    )
    visits.push(
      // The API reference's example visit (a cleaning and exam), for this patient at this hour.
      put('appointments', `AP${i + 1}`, {
        ...appointments.example,
        patientExternalId: id,
        clinicExternalId: 'C1',
        providerExternalId: `PR${(i % 4) + 1}`,
        startsAt: new Date(Date.UTC(2027, 0, 4) + (i % 2000) * 3_600_000).toISOString(),
      }),
    )
    recalls.push(
      put('recalls', `RC${i + 1}`, {
        patientExternalId: id,
        recallTypeExternalId: 'RT1',
        dateDue: '2027-06-01',
        datePrevious: '2026-12-01',
        status: 'Due',
        webSchedEnabled: true,
      }),
    )
  }
  return [practice, people, visits, recalls]
}

function startServer(url: string) {
  return spawnServer({
    DATABASE_URL: url,
    DATA_DIR,
    PORT: String(PORT),
    DEMO: 'false',
    NODE_ENV: 'development',
    SYNC_RATE_PER_SECOND: '1000',
    SYNC_RATE_BURST: '1000',
  })
}

export async function benchSync() {
  const patients = Number(process.env.BENCH_SYNC_PATIENTS ?? 100_000)
  const url = process.env.BENCH_SYNC_DATABASE_URL ?? DEFAULT_URL
  await recreateDatabase(url)
  await fs.rm(DATA_DIR, { recursive: true, force: true })
  const key = await emptyPractice(url)
  const phases = syncPracticePhases(patients)
  const operations = phases.reduce((sum, phase) => sum + phase.length, 0)
  await ensureServerBuilt()
  const server = startServer(url)
  try {
    await waitHealthy(PORT, server)
    const client = createSyncClient({ url: `http://127.0.0.1:${PORT}`, key })
    const idleResidentMb = await residentMegabytes(server.pid, 'peak')
    const started = performance.now()
    const phaseSeconds: Record<string, number> = {}
    for (const phase of phases) {
      const phaseStarted = performance.now()
      let next = 0
      const worker = async () => {
        while (next < phase.length) {
          const operations = phase.slice(next, next + BATCH)
          next += BATCH
          const answer = await client.call('POST', '/api/sync/v1/batch', { operations })
          if (answer.status !== 200) {
            throw new Error(
              `batch refused: ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`,
            )
          }
        }
      }
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
      const names = [...new Set(phase.map((operation) => operation.collection))].join(' + ')
      phaseSeconds[names] = (performance.now() - phaseStarted) / 1000
    }
    const seconds = (performance.now() - started) / 1000
    const check = await openDatabase({ url })
    const loaded = await check.db
      .selectFrom('patients')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow()
    await check.close()
    if (Number(loaded.count) !== patients) throw new Error(`loaded ${loaded.count} patients`)
    return {
      patients,
      operations,
      seconds,
      operationsPerSecond: operations / seconds,
      phaseSeconds,
      idleResidentMb,
      peakResidentMb: await residentMegabytes(server.pid, 'peak'),
    }
  } finally {
    await stopServer(server)
  }
}
