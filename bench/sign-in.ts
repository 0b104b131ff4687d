import { hashPassword, verifyPassword } from '../server/platform/auth/passwords.ts'
import { createTestDatabase } from '../server/platform/db/testing.ts'
import { seedPatient, seedPortalUser, seedPractice } from '../server/testing/fixtures.ts'
import { buildTestApp, TEST_ORIGIN } from '../server/testing/http.ts'
import { median, percentile } from './stats.ts'

const PASSWORD = 'bench password 1'

/** One argon2id verification with the production parameters (the 50–250 ms target). */
export async function benchPasswordVerification(runs = 15) {
  const hash = await hashPassword(PASSWORD)
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    await verifyPassword(hash, PASSWORD)
    times.push(performance.now() - started)
  }
  return { medianMs: median(times) }
}

/** Whole sign-in requests through the app (embedded database), `concurrency` at a time. */
export async function benchSignIn(total = 40, concurrency = 4) {
  const database = await createTestDatabase('pglite')
  const practiceId = await seedPractice(database.db, { name: 'Bench Dental' })
  const patientId = await seedPatient(database.db, { practiceId, first_name: 'B', last_name: 'B' })
  await seedPortalUser(database.db, {
    practiceId,
    patientId,
    username: 'bench.user',
    password: PASSWORD,
  })
  const { app, close } = await buildTestApp(database)
  const latencies: number[] = []
  const started = performance.now()
  let next = 0
  async function client() {
    while (next < total) {
      next++
      const begun = performance.now()
      const response = await app.inject({
        method: 'POST',
        url: '/api/portal/session',
        headers: { origin: TEST_ORIGIN },
        payload: { username: 'bench.user', password: PASSWORD },
      })
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode}`)
      latencies.push(performance.now() - begun)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, client))
  const seconds = (performance.now() - started) / 1000
  await close()
  await database.destroy()
  return {
    perSecond: total / seconds,
    p50Ms: median(latencies),
    p99Ms: percentile(latencies, 99),
  }
}
