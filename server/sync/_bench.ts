import { openDatabase } from '../platform/db/database.ts'
import { migrate } from '../platform/db/migrate.ts'
import { buildTestApp } from '../testing/http.ts'
import { syncClient } from './testing.ts'

const url = 'postgres://postgres@127.0.0.1:5432/test'
const schema = `bench_${Date.now().toString(36)}`
const admin = await openDatabase({ url, poolSize: 1 })
await admin.withSession((run) => run(`create schema ${schema}`))
const handle = await openDatabase({ url, schema, poolSize: 5 })
await migrate(handle)
const built = await buildTestApp(handle, { syncRateLimit: { perSecond: 1000, burst: 1000 } })
const client = await syncClient(built.app, handle.db, 'Bench')
await client.call('PUT', 'clinics/c', { name: 'C' })
await client.call('PUT', 'providers/d', { firstName: 'D', lastName: 'D' })
const total = Number(process.argv[2] ?? 5000)
const started = performance.now()
for (let start = 0; start < total; start += 1000) {
  const operations = []
  for (let i = start; i < start + 1000; i++) {
    const head = `p${i - (i % 3)}`
    operations.push({
      op: 'put', collection: 'patients', externalId: `p${i}`,
      body: { firstName: 'F', lastName: `L${i}`, birthdate: '1980-01-01', status: 'Patient', ...(process.env.PLAIN ? {} : { guarantorExternalId: head, clinicExternalId: 'c', primaryProviderExternalId: 'd', ...(i % 3 ? { representatives: [{ patientExternalId: head }] } : {}) }) },
    })
  }
  const r = await client.call('POST', 'batch', { operations })
  if (r.statusCode !== 200) { console.log(r.body.slice(0, 500)); break }
}
const seconds = (performance.now() - started) / 1000
console.log(`${total} patients in ${seconds.toFixed(1)} s: ${(total / seconds).toFixed(0)} rows/s; rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`)
await built.close()
await handle.close()
await admin.withSession((run) => run(`drop schema ${schema} cascade`))
await admin.close()
