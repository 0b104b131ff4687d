import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { median } from './stats.ts'

const ROOT = path.resolve(import.meta.dirname, '..')

/** Milliseconds from spawning the server until `/healthz` first answers 200. */
async function timeToHealthy(dataDir: string, port: number): Promise<number> {
  const started = performance.now()
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
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
      if (await isHealthy(port)) return performance.now() - started
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    await exited
  }
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
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-bench-'))
  const port = 3900
  try {
    const firstStartMs = await timeToHealthy(dataDir, port)
    const times: number[] = []
    for (let run = 0; run < runs; run++) times.push(await timeToHealthy(dataDir, port))
    return { firstStartMs, coldStartMedianMs: median(times), coldStartRunsMs: times }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true })
  }
}
