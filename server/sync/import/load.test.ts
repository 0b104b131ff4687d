import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Database } from '../../platform/db/database.ts'
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '../../platform/db/testing.ts'
import { Problem } from '../../platform/http/problems.ts'
import { seedPractice } from '../../testing/fixtures.ts'
import { buildTestApp } from '../../testing/http.ts'
import { requireSyncKey } from '../auth.ts'
import { createSyncClient } from '../client.ts'
import { createSyncKey } from '../keys.ts'
import { importFile } from './load.ts'
import { progressFileOf } from './progress.ts'
import type { ImportOperation } from './rules.ts'

const PATIENTS = 2500

/**
 * Stands in for POST /api/sync/v1/batch (being built on branch sync-api) with its documented
 * contract: all or nothing in one transaction, upserts by external id, a refused operation named
 * as `operations/<index>/<field>`. `afterCommit` lets a test drop the connection once a batch is
 * committed, as a server killed before it answers would.
 */
function standInBatch(
  app: FastifyInstance,
  db: Database,
  afterCommit: (batch: number) => 'answer' | 'die',
) {
  let batches = 0
  app.post('/api/sync/v1/batch', async (request, reply) => {
    const key = await requireSyncKey(db, request)
    const { operations } = request.body as { operations: ImportOperation[] }
    const bad = operations.findIndex((op) => op.op === 'put' && !op.body.birthdate)
    if (bad >= 0) {
      throw new Problem(422, 'invalid', 'Invalid batch', 'An operation is invalid.', {
        [`operations/${bad}/birthdate`]: 'Required.',
      })
    }
    await db.transaction().execute(async (trx) => {
      for (const op of operations) {
        if (op.op !== 'put') continue
        const body = op.body as { firstName: string; lastName: string; birthdate: string }
        await trx
          .insertInto('patients')
          .values({
            practice_id: key.practiceId,
            external_id: op.externalId,
            first_name: body.firstName,
            last_name: body.lastName,
            birthdate: body.birthdate,
          })
          .onConflict((conflict) =>
            conflict.columns(['practice_id', 'external_id']).doUpdateSet({
              first_name: body.firstName,
              last_name: body.lastName,
              birthdate: body.birthdate,
            }),
          )
          .execute()
      }
    })
    batches++
    if (afterCommit(batches) === 'die') {
      request.raw.socket.destroy()
      return reply.hijack()
    }
    return { results: operations.map(() => ({ outcome: 'created' })) }
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
    practiceId = await seedPractice(database.db, 'Maple Grove Dental')
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
          ...(i === 1234 ? {} : { birthdate: '1980-01-01' }),
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

  async function serve(afterCommit: (batch: number) => 'answer' | 'die') {
    const built = await buildTestApp(database)
    standInBatch(built.app, database.db, afterCommit)
    await built.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = built.app.server.address() as AddressInfo
    return { url: `http://127.0.0.1:${port}`, close: built.close }
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
    const dying = await serve((batch) => (batch >= 3 ? 'die' : 'answer'))
    const interrupted = importFile({ file, client: client(dying.url), batchSize: 500 })
    await expect(interrupted).rejects.toThrow()
    await dying.close()
    const saved = JSON.parse(await readFile(progressFileOf(file), 'utf8'))
    expect(saved.committedLine).toBe(1003) // two batches of 500, plus the 3 lines that are not operations
    // The third batch (without its refused line) is in, though the client never heard so.
    expect(await patientRows()).toHaveLength(1499)

    const server = await serve(() => 'answer')
    const lines: number[] = []
    const summary = await importFile({
      file,
      client: client(server.url),
      batchSize: 500,
      onProgress: (line) => lines.push(line),
    })
    await server.close()
    expect(summary.resumedAfter).toBe(1003)
    expect(summary.totalLines).toBe(PATIENTS + 3)
    expect(lines.at(-1)).toBe(PATIENTS + 3)
    // The third batch is sent again; upserts by external id make that harmless.
    const rows = await patientRows()
    expect(rows).toHaveLength(PATIENTS - 1)
    expect(new Set(rows.map((row) => row.external_id)).size).toBe(PATIENTS - 1)
    expect(summary.errors).toEqual([
      { line: 13, message: 'not valid JSON' },
      { line: 1238, message: 'put patients/PAT-1235: birthdate: Required.' },
    ])
    await expect(stat(progressFileOf(file))).rejects.toThrow()
  })

  it('stops at once when the key is refused, having committed nothing', async () => {
    const server = await serve(() => 'answer')
    const wrong = createSyncClient({ url: server.url, key: 'bw_wrong', attempts: 1 })
    await expect(importFile({ file, client: wrong })).rejects.toThrow(/refused/)
    await server.close()
    await expect(stat(progressFileOf(file))).rejects.toThrow()
    expect(await patientRows()).toHaveLength(PATIENTS - 1)
  })
})
