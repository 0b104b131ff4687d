import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ensureServerBuilt, SERVER_ENTRY } from '../scripts/server-build.mjs'
import { SERVER_NODE_FLAGS } from '../scripts/server-flags.mjs'
import { median } from './stats.ts'

const ROOT = path.resolve(import.meta.dirname, '..')

/** How `npm start` runs the server (prebuilt), and how it ran before (TypeScript through tsx). */
const COMMANDS = {
  prebuilt: [...SERVER_NODE_FLAGS, SERVER_ENTRY],
  tsx: [...SERVER_NODE_FLAGS, '--import', 'tsx', path.join(ROOT, 'server/main.ts')],
}

/**
 * Milliseconds from spawning the server until `/healthz` first answers 200, and its resident
 * memory a moment later (idle, nothing asked of it yet).
 */
async function timeToHealthy(
  dataDir: string,
  port: number,
  command: string[] = COMMANDS.prebuilt,
): Promise<{ ms: number; residentMb: number }> {
  const started = performance.now()
  const server = spawn(process.execPath, command, {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: 'ignore',
  })
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error('The server exited during start-up')
      if (await isHealthy(port)) {
        const ms = performance.now() - started
        await new Promise((resolve) => setTimeout(resolve, 2000))
        return { ms, residentMb: await residentMegabytes(server.pid) }
      }
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    await exited
  }
}

async function residentMegabytes(pid: number | undefined) {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024
}

async function isHealthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok
  } catch {
    return false
  }
}

/**
 * Cold start on the embedded database: the first start (migrations and demo practice) once,
 * then the median of several ordinary starts on the same data.
 */
export async function benchColdStart(runs = 7) {
  await ensureServerBuilt()
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-bench-'))
  const port = 3900
  try {
    const firstStartMs = (await timeToHealthy(dataDir, port)).ms
    const starts = []
    for (let run = 0; run < runs; run++) starts.push(await timeToHealthy(dataDir, port))
    const tsx = []
    for (let run = 0; run < 3; run++) tsx.push(await timeToHealthy(dataDir, port, COMMANDS.tsx))
    return {
      firstStartMs,
      coldStartMedianMs: median(starts.map((start) => start.ms)),
      idleResidentMb: median(starts.map((start) => start.residentMb)),
      tsxColdStartMedianMs: median(tsx.map((start) => start.ms)),
      tsxIdleResidentMb: median(tsx.map((start) => start.residentMb)),
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true })
  }
}
