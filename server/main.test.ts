import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { freePort } from './testing/ports.ts'

const ROOT = path.resolve(import.meta.dirname, '..')

/** Starts `server/main.ts` and collects what it prints until it exits. */
function startServer(env: Record<string, string>) {
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, DEMO: 'false', LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    // Generous: a busy 2-core machine can take a while to start the embedded database.
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stderr })
    })
  })
}

function errorLines(stderr: string) {
  return stderr.split('\n').filter((line) => line.trim() !== '' && !line.includes('Warning'))
}

let blocker: net.Server
let takenPort: number
let dataDir: string
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bitewing-main-'))
  blocker = net.createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  takenPort = (blocker.address() as net.AddressInfo).port
})
afterAll(() => {
  blocker.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

it('stops with one clear line when the port is taken', async () => {
  const result = await startServer({
    PORT: String(takenPort),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
  })
  expect(result.code).toBe(1)
  expect(errorLines(result.stderr)).toEqual([
    expect.stringMatching(
      new RegExp(`^Bitewing could not start: Port ${takenPort} is already in use`),
    ),
  ])
}, 120_000)

it('stops with one clear line when PostgreSQL cannot be reached', async () => {
  const result = await startServer({
    DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
    PORT: '0',
  })
  expect(result.code).toBe(1)
  expect(errorLines(result.stderr)).toEqual([
    expect.stringMatching(
      /^Bitewing could not start: Cannot reach the PostgreSQL database at 127\.0\.0\.1:1\/none/,
    ),
  ])
}, 120_000)

it('stops with one clear line when the data folder cannot be written', async () => {
  const result = await startServer({ DATA_DIR: '/etc/hostname/data', PORT: '0' })
  expect(result.code).toBe(1)
  expect(errorLines(result.stderr)).toEqual([
    expect.stringMatching(
      /^Bitewing could not start: Cannot write to the data folder \/etc\/hostname\/data/,
    ),
  ])
}, 120_000)

it('stops with one clear line when asked for the demo practice in production', async () => {
  const result = await startServer({ NODE_ENV: 'production', DEMO: 'true', PORT: '0' })
  expect(result.code).toBe(1)
  expect(errorLines(result.stderr)).toEqual([
    'Bitewing could not start: Configuration: DEMO=true is refused when NODE_ENV=production: the demo practice has published passwords. Unset DEMO, or unset NODE_ENV to try Bitewing out.',
  ])
}, 120_000)

it('serves, then shuts down cleanly on SIGTERM with the data kept', async () => {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DEMO: 'false',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
    },
    stdio: 'ignore',
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  let healthy = false
  for (let attempt = 0; attempt < 900 && !healthy; attempt++) {
    healthy = await fetch(`http://127.0.0.1:${port}/readyz`)
      .then((response) => response.ok)
      .catch(() => false)
    if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100))
  }
  expect(healthy).toBe(true)
  child.kill('SIGTERM')
  expect(await exited).toBe(0)
  expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(true)
}, 120_000)
