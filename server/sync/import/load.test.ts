import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '../../platform/db/testing.ts'
import { seedPractice } from '../../testing/fixtures.ts'
import { buildTestApp } from '../../testing/http.ts'
import { createSyncClient } from '../client.ts'
import { createSyncKey } from '../keys.ts'
import { importFile } from './load.ts'
import { progressFileOf } from './progress.ts'

const PATIENTS = 600
const BATCH = 100

/**
 * Lets the real batch endpoint commit, then, from batch `from` on, kills the connection before the
 * answer goes out, as a server killed at that moment would: the client never hears of the commit.
 */
function dieAfterCommitting(app: FastifyInstance, from: number) {
  let batches = 0
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.endsWith('/batch') || reply.statusCode !== 200) return payload
    batches++
    if (batches >= from) request.raw.socket.destroy()
    return payload
  })
}

describeEachDatabase('npm run sync -- import', (kind) => {
  let database: TestDatabase
  let folder = ''
  let file = ''
  let key = ''
  let practiceId = 0

  beforeAll(async () => {
    database = await createTestDatabase(kind)
    practiceId = await seedPractice(database.db, { name: 'Maple Grove Dental' })
    key = (await createSyncKey(database.db, practiceId, 'Open Dental')).key
    folder = await mkdtemp(path.join(tmpdir(), 'bitewing-import-'))
    file = path.join(folder, 'practice.ndjson')
    const lines = Array.from({ length: PATIENTS }, (_, i) =>
      JSON.stringify({
        op: 'put',
        collection: 'patients',
        externalId: `PAT-${i + 1}`,
        body: {
          firstName: `First${i + 1}`,
          lastName: 'Example',
          status: 'Patient',
          ...(i === 234 ? {} : { birthdate: '1980-01-01' }),
        },
      }),
    )
    lines.splice(10, 0, '', '# a comment line', '{not json')
    await writeFile(file, `${lines.join('\n')}\n`)
  })
  afterAll(async () => {
    await database.destroy()
    await rm(folder, { recursive: true, force: true })
  })

  async function serve(dieFrom = Number.POSITIVE_INFINITY) {
    const built = await buildTestApp(database)
    dieAfterCommitting(built.app, dieFrom)
    await built.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = built.app.server.address() as AddressInfo
    return {
      url: `http://127.0.0.1:${port}`,
      async close() {
        // A request refused before its body was read keeps its connection busy until the
        // keep-alive timeout; the test does not wait for that.
        built.app.server.closeAllConnections()
        await built.close()
      },
    }
  }
  const client = (url: string) => createSyncClient({ url, key, attempts: 2, retryMilliseconds: 10 })
  const patientRows = () =>
    database.db
      .selectFrom('patients')
      .select(['external_id'])
      .where('practice_id', '=', practiceId)
      .execute()

  it('resumes after the server dies mid-import, loading every line once, errors by line', async () => {
    // From its third batch on, the server commits and dies before answering (the client's
    // retry too).
    const dying = await serve(3)
    const interrupted = importFile({ file, client: client(dying.url), batchSize: BATCH })
    await expect(interrupted).rejects.toThrow()
    await dying.close()
    const saved = JSON.parse(await readFile(progressFileOf(file), 'utf8'))
    expect(saved.committedLine).toBe(203) // two batches, plus the 3 lines that are not operations
    // The third batch (without its refused line) is in, though the client never heard so.
    expect(await patientRows()).toHaveLength(299)

    const server = await serve()
    const lines: number[] = []
    const summary = await importFile({
      file,
      client: client(server.url),
      batchSize: BATCH,
      onProgress: (line) => lines.push(line),
    })
    await server.close()
    expect(summary.resumedAfter).toBe(203)
    expect(summary.totalLines).toBe(PATIENTS + 3)
    expect(lines.at(-1)).toBe(PATIENTS + 3)
    // The third batch is sent again; upserts by external id make that harmless.
    const rows = await patientRows()
    expect(rows).toHaveLength(PATIENTS - 1)
    expect(new Set(rows.map((row) => row.external_id)).size).toBe(PATIENTS - 1)
    expect(summary.errors).toEqual([
      { line: 13, message: 'not valid JSON' },
      { line: 238, message: expect.stringMatching(/^put patients\/PAT-235: birthdate: /) },
    ])
    await expect(stat(progressFileOf(file))).rejects.toThrow()
  }, 180_000)

  it('stops at once when the key is refused, having committed nothing', async () => {
    const server = await serve()
    const wrong = createSyncClient({ url: server.url, key: 'bw_wrong', attempts: 1 })
    await expect(importFile({ file, client: wrong })).rejects.toThrow(/refused/)
    await server.close()
    await expect(stat(progressFileOf(file))).rejects.toThrow()
    expect(await patientRows()).toHaveLength(PATIENTS - 1)
  })
})
