import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ensureServerBuilt } from '../scripts/server-build.mjs'
import {
  residentMegabytes,
  SERVER_COMMANDS,
  spawnServer,
  stopServer,
  waitHealthy,
} from './server-process.ts'
import { median } from './stats.ts'

/**
 * Milliseconds from spawning the server until `/healthz` first answers 200, and its resident
 * memory a moment later (idle, nothing asked of it yet).
 */
async function timeToHealthy(
  dataDir: string,
  port: number,
  command: string[] = SERVER_COMMANDS.prebuilt,
  // The first start creates the demo practice: minutes on a busy machine, not seconds.
  withinMs = 60_000,
): Promise<{ ms: number; residentMb: number }> {
  const started = performance.now()
  const server = spawnServer(
    { DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' },
    { command, stdio: 'ignore' },
  )
  try {
    await waitHealthy(port, server, 10, withinMs)
    const ms = performance.now() - started
    await new Promise((resolve) => setTimeout(resolve, 2000))
    return { ms, residentMb: await residentMegabytes(server.pid) }
  } finally {
    await stopServer(server)
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
    const firstStartMs = (await timeToHealthy(dataDir, port, SERVER_COMMANDS.prebuilt, 600_000)).ms
    const starts = []
    for (let run = 0; run < runs; run++) starts.push(await timeToHealthy(dataDir, port))
    const tsx = []
    for (let run = 0; run < 3; run++)
      tsx.push(await timeToHealthy(dataDir, port, SERVER_COMMANDS.tsx))
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
