import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { openDatabase } from './database.ts'

// The embedded database's shared buffers live in the server's own WebAssembly memory and are
// touched at start: with the 128 MB initdb writes into postgresql.conf the idle server held
// 100 MB more (docs/decisions.md, "The embedded database starts small"); so did the room for 100
// connections a single session never uses (PGLITE_SETTINGS).
it('starts the embedded database in a data folder with small shared memory', {
  timeout: 120_000,
}, async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-settings-'))
  try {
    for (let start = 0; start < 2; start++) {
      // The first start runs initdb (which writes 128MB into postgresql.conf); the second reads it.
      const handle = await openDatabase({ dataDir })
      try {
        const { rows } = await sql<{ name: string; setting: string; unit: string | null }>`
          select name, setting, unit from pg_settings
          where name in ('shared_buffers', 'max_connections', 'max_locks_per_transaction')
          order by name`.execute(handle.db)
        // shared_buffers is counted in 8 kB pages: 1024 of them is 8 MB.
        expect(rows).toEqual([
          { name: 'max_connections', setting: '8', unit: null },
          { name: 'max_locks_per_transaction', setting: '128', unit: null },
          { name: 'shared_buffers', setting: '1024', unit: '8kB' },
        ])
      } finally {
        await handle.close()
      }
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true })
  }
})
