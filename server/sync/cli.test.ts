import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { beforeAll, expect, it } from 'vitest'
import { openDatabase } from '../platform/db/database.ts'
import { migrate } from '../platform/db/migrate.ts'
import { loadPGliteTemplate } from '../platform/db/pglite-template.ts'
import { describeEachDatabase } from '../platform/db/testing.ts'
import { seedPractice } from '../testing/fixtures.ts'
import { useTestApp } from '../testing/suite.ts'
import { authenticateSyncKey, createSyncKey } from './keys.ts'
import { queueSyncEvent } from './outbox.ts'

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.ts')
const run = promisify(execFile)

function sync(args: string[], env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    timeout: 60_000,
  })
}

it('create-key prints a working key once, for the one practice in the database', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bitewing-sync-cli-'))
  try {
    // Started from the migrated template: the CLI's own migrate then has nothing to do.
    const setup = await openDatabase({ dataDir, template: await loadPGliteTemplate() })
    await migrate(setup)
    const practiceId = await seedPractice(setup.db, { name: 'Maple Grove Dental' })
    await setup.close()

    const { stdout } = await sync(['create-key', '--name', 'Open Dental'], { DATA_DIR: dataDir })
    const key = /\b(bw_\S+)/.exec(stdout)?.[1] ?? ''
    expect(stdout).toContain('Maple Grove Dental')

    const check = await openDatabase({ dataDir })
    try {
      expect(await authenticateSyncKey(check.db, key)).toMatchObject({
        practiceId,
        name: 'Open Dental',
      })
      const stored = await check.db.selectFrom('sync_api_keys').selectAll().execute()
      expect(JSON.stringify(stored)).not.toContain(key)
    } finally {
      await check.close()
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}, 180_000)

describeEachDatabase('npm run sync -- events', (kind) => {
  const suite = useTestApp(kind)
  let url = ''
  let key = ''

  beforeAll(async () => {
    const practiceId = await seedPractice(suite.db, { name: 'Maple Grove Dental' })
    key = (await createSyncKey(suite.db, practiceId, 'Open Dental')).key
    await suite.db.transaction().execute((trx) =>
      queueSyncEvent(trx, {
        practiceId,
        kind: 'appointment.confirmed',
        entityType: 'appointment',
        entityId: 7,
        payload: {
          appointmentId: 7,
          appointmentExternalId: 'APT-7',
          patientExternalId: 'PAT-1',
          confirmedAt: '2026-03-02T14:05:31.118Z',
        },
      }),
    )
    await suite.app.listen({ port: 0, host: '127.0.0.1' })
    url = `http://127.0.0.1:${(suite.app.server.address() as AddressInfo).port}`
  })

  it('prints the feed through the HTTP API, one event a line, and where to go on', async () => {
    const { stdout, stderr } = await sync(['events', '--url', url], { BITEWING_SYNC_KEY: key })
    const [line, ...rest] = stdout.trim().split('\n')
    expect(rest).toEqual([])
    expect(line?.split('\t')).toEqual([
      expect.stringMatching(/^\d+$/),
      expect.any(String),
      'appointment.confirmed',
      expect.stringContaining('"appointmentExternalId":"APT-7"'),
    ])
    expect(stderr).toMatch(/1 event\(s\)\. Next: --after \d+/)
  })

  it('says so when the key is refused', async () => {
    const failed = sync(['events', '--url', url], { BITEWING_SYNC_KEY: 'bw_wrong' })
    await expect(failed).rejects.toMatchObject({ stderr: expect.stringContaining('401') })
  })
})
