/**
 * The crash test's victim (leases.test.ts): a worker process that claims a `test.hang` job, says
 * so on stdout, and works on it (its lease renewed) until it is killed. The database comes from
 * the environment: PostgreSQL (a URL and a schema) or an embedded data folder.
 */
import { openDatabase } from '../db/database.ts'
import { createJobWorker } from './worker.ts'

const database = await openDatabase({
  url: process.env.HANGING_WORKER_DATABASE_URL,
  schema: process.env.HANGING_WORKER_SCHEMA,
  dataDir: process.env.HANGING_WORKER_DATA_DIR,
  poolSize: 2,
})
const worker = createJobWorker(
  database.db,
  {
    'test.hang': async (job) => {
      process.stdout.write(`claimed ${job.id}\n`)
      await new Promise(() => {})
    },
  },
  { leaseSeconds: Number(process.env.HANGING_WORKER_LEASE_SECONDS), pollMilliseconds: 20 },
)
worker.start()
// The worker's timers do not hold a process open (a server's socket does); this one stands in.
setInterval(() => {}, 60_000)
