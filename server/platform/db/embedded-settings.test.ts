import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { openDatabase } from './database.ts'

// The embedded database's shared buffers live in the server's own WebAssembly memory and are
// touched at start: with the 128 MB initdb writes into postgresql.conf the idle server held
// 100 MB more (docs/decisions.md, "The embedded database starts small").
it('starts the embedded database in a data folder with small shared buffers', {
  timeout: 120_000,
}, async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-settings-'))
  try {
    for (let start = 0; start < 2; start++) {
      // The first start runs initdb (which writes 128MB into postgresql.conf); the second reads it.
      const handle = await openDatabase({ dataDir })
      try {
        const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(
          handle.db,
        )
        expect(rows[0]?.shared_buffers).toBe('8MB')
      } finally {
        await handle.close()
      }
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true })
  }
})
