import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '../platform/db/testing.ts'
import { LocalFileStorage } from '../platform/files/storage.ts'
import { createSyncClient } from '../sync/client.ts'
import { importFile } from '../sync/import/load.ts'
import type { ImportOperation } from '../sync/import/rules.ts'
import { createSyncKey } from '../sync/keys.ts'
import { COLLECTION_TABLES } from '../sync/refs.ts'
import { seedPractice } from '../testing/fixtures.ts'
import { useTestApp } from '../testing/suite.ts'
import { exportPractice, practiceOperations } from './export.ts'
import { generateDemoPractice } from './generate.ts'

const DEMO = { patients: 40, seed: 7, today: '2026-03-16' }

async function collect(operations: AsyncIterable<ImportOperation>) {
  const lines: string[] = []
  for await (const operation of operations) lines.push(JSON.stringify(operation))
  return lines
}

/**
 * The demo practice, written as an NDJSON export and loaded through the sync API into an empty
 * practice, is the same practice: every collection's rows read back the same, row for row.
 */
describeEachDatabase('the demo as an NDJSON export, loaded through the sync API', (kind) => {
  const target = useTestApp(kind)
  let source: TestDatabase
  let folder = ''
  let file = ''
  let exported: string[] = []
  let sourcePracticeId = 0
  let sourceFiles: LocalFileStorage

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'bitewing-demo-export-'))
    source = await createTestDatabase('pglite')
    sourceFiles = new LocalFileStorage(path.join(folder, 'files'))
    sourcePracticeId = (await generateDemoPractice(source.db, sourceFiles, DEMO)).practiceId
    file = path.join(folder, 'demo.ndjson')
    const lines = await exportPractice(source.db, sourceFiles, sourcePracticeId, file)
    exported = await collect(practiceOperations(source.db, sourceFiles, sourcePracticeId))
    expect(exported).toHaveLength(lines)
  }, 300_000)
  afterAll(async () => {
    await source?.destroy()
    await rm(folder, { recursive: true, force: true })
  })

  it('loads every line and reads back the same rows, collection by collection', async () => {
    const practiceId = await seedPractice(target.db, { name: 'Maple Grove Dental' })
    const { key } = await createSyncKey(target.db, practiceId, 'Demo export')
    await target.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = target.app.server.address() as AddressInfo
    const client = createSyncClient({ url: `http://127.0.0.1:${port}`, key })
    const summary = await importFile({ file, client, batchSize: 500 })
    expect(summary.errors).toEqual([])

    const loaded = await collect(practiceOperations(target.db, target.files, practiceId))
    const byCollection = (lines: string[]) => {
      const counts: Record<string, number> = {}
      for (const line of lines) {
        const { collection } = JSON.parse(line) as ImportOperation
        counts[collection] = (counts[collection] ?? 0) + 1
      }
      return counts
    }
    // The tables that matter are all there, with rows.
    const counts = byCollection(exported)
    for (const collection of ['patients', 'appointments', 'statements', 'treatment-plans']) {
      expect(counts[collection], collection).toBeGreaterThan(0)
    }
    expect(Object.keys(counts).every((name) => name in COLLECTION_TABLES)).toBe(true)
    expect(byCollection(loaded)).toEqual(counts)
    expect(loaded).toEqual(exported)
  }, 300_000)
})
