import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect } from '@playwright/test'
import { SERVER_ENTRY } from '../../scripts/server-build.mjs'
import { SERVER_NODE_FLAGS } from '../../scripts/server-flags.mjs'

/**
 * A production start of its own for one spec file, beside the demo server the others share:
 * NODE_ENV=production, no demo, an empty data folder, its own port (E2E_PORT + `portOffset`, a
 * different offset per spec file so files running at once do not collide). What it prints is
 * kept, so a test can read the one-time setup link from it.
 */
export function productionServer(portOffset: number) {
  const port = Number(process.env.E2E_PORT ?? 3100) + portOffset
  const origin = `http://localhost:${port}`
  let server: ChildProcess | undefined
  let dataDir = ''
  let output = ''
  const setupLinkPattern = /\/office\/setup#token=\S+/

  return {
    origin,
    output: () => output,

    start() {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bitewing-production-'))
      const root = path.resolve(import.meta.dirname, '../..')
      server = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_ENTRY], {
        cwd: root,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          DEMO: 'false',
          DATA_DIR: dataDir,
          PORT: String(port),
          HOST: '127.0.0.1',
          PUBLIC_URL: origin,
          SECRET_KEY: 'production-e2e-secret-key-0123456789abcdef',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      const keep = (chunk: Buffer) => {
        output += chunk.toString()
      }
      server.stdout?.on('data', keep)
      server.stderr?.on('data', keep)
    },

    async stop() {
      if (server && server.exitCode === null) {
        const exited = new Promise((resolve) => server?.once('exit', resolve))
        server.kill('SIGTERM')
        await exited
      }
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },

    /** The setup link the start printed (a fresh start migrates first: give it time). */
    async setupLink(): Promise<string> {
      await expect
        .poll(() => setupLinkPattern.exec(output)?.[0] ?? '', { timeout: 90_000 })
        .not.toBe('')
      return `${origin}${setupLinkPattern.exec(output)?.[0]}`
    },
  }
}
