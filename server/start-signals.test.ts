import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { freePort } from './testing/ports.ts'

// `npm start` as operators run it, stopped the ways they stop it: Ctrl-C (SIGINT to the
// terminal's process group), systemd (SIGTERM to every process of the service), or a SIGTERM to
// the one process they started. Each time the server stops once, gracefully: the request in
// progress is answered, the port is freed.

const ROOT = path.resolve(import.meta.dirname, '..')

let dataDir: string
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bitewing-signals-'))
})
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true })
})

// The server hears a group's signal itself and again when the script passes it on (npm, too,
// passes it on): a copy arriving while it stops must not cut the stop short.
it.each([
  { signal: 'SIGINT', stop: 'Ctrl-C (SIGINT to the process group)' },
  { signal: 'SIGTERM', stop: 'systemd’s stop (SIGTERM to every process)' },
] as const)(
  'stops gracefully once on $stop, whatever copies follow',
  async ({ signal }) => {
    const result = await startAndStop('node', (started) => process.kill(-started.pid, signal), {
      repeat: true,
    })
    expect(result.exitCode).toBe(0)
    expectGracefulStop(result)
  },
  150_000,
)

it('stops the server on a SIGTERM to the start script alone', async () => {
  const result = await startAndStop('node', (started) => process.kill(started.pid, 'SIGTERM'))
  expect(result.exitCode).toBe(0)
  expectGracefulStop(result)
}, 150_000)

it('stops the server on a SIGTERM to `npm start` alone', async () => {
  // npm runs the script through a shell, which the SIGTERM npm passes on ends by itself.
  const result = await startAndStop('npm', (started) => process.kill(started.pid, 'SIGTERM'))
  expectGracefulStop(result)
}, 150_000)

function expectGracefulStop(result: Stopped) {
  expect(result.inFlightAnswer).toMatch(/^HTTP\/1\.1 (200|401|404) /)
  expect(result.output.match(/shutting down/g)).toEqual(['shutting down'])
  expect(result.output).not.toMatch(/second SIG|killed by timeout/)
  expect(result.portFreed).toBe(true)
}

interface Stopped {
  exitCode: number | null
  output: string
  inFlightAnswer: string
  portFreed: boolean
}

/**
 * Starts `npm start` (or the script it runs), holds a request in progress, stops it with
 * `stop` (again, once the server says it is shutting down, with `repeat`), lets the request
 * finish, and waits until every process of it has ended (their output closed).
 */
async function startAndStop(
  how: 'node' | 'npm',
  stop: (started: { pid: number }) => void,
  options: { repeat?: boolean } = {},
): Promise<Stopped> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const [command, args] =
    how === 'npm'
      ? ['npm', ['start', '--silent']]
      : [process.execPath, [path.join(ROOT, 'scripts/start.mjs')]]
  const child = spawn(command, args, {
    cwd: ROOT,
    // A process group of its own, as a terminal or systemd gives the service.
    detached: true,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DEMO: 'false',
      LOG_LEVEL: 'warn',
      // No web app build: the API is what is stopped here.
      WEB_DIST: path.join(dataDir, 'web'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const append = (chunk: Buffer) => {
    output += chunk
  }
  child.stdout.on('data', append)
  child.stderr.on('data', append)
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  // Closed once the last process holding them (the server) has ended.
  const allEnded = Promise.all([
    new Promise((resolve) => child.stdout.on('close', resolve)),
    new Promise((resolve) => child.stderr.on('close', resolve)),
  ])
  await until(
    () => output,
    () =>
      fetch(`${url}/readyz`)
        .then((response) => response.ok)
        .catch(() => false),
  )
  const inFlight = await startRequest(port, url)
  stop({ pid: child.pid as number })
  await until(
    () => output,
    () => /shutting down/.test(output),
  )
  if (options.repeat) {
    stop({ pid: child.pid as number })
    // The copy has been heard (and let be, or it ended the process) before the request goes on.
    await until(
      () => output,
      () => /stopping already|second SIG/.test(output),
    )
  }
  const inFlightAnswer = await inFlight.finish()
  const exitCode = await exited
  await allEnded
  return { exitCode, output, inFlightAnswer, portFreed: await isFree(port) }
}

/**
 * A sign-in whose body is still on its way: the server has read its headers (it said
 * `100 Continue`), so it is in progress, and it ends only when `finish` sends the rest.
 */
async function startRequest(port: number, origin: string) {
  const body = JSON.stringify({ username: 'nobody', password: 'not the password' })
  const socket = net.connect(port, '127.0.0.1')
  let received = ''
  socket.on('data', (chunk) => {
    received += chunk
  })
  // A reset (the server ended with the request unanswered) shows as an empty answer.
  socket.on('error', () => {})
  const closed = new Promise((resolve) => socket.on('close', resolve))
  socket.write(
    [
      'POST /api/portal/session HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      `Origin: ${origin}`,
      'Content-Type: application/json',
      `Content-Length: ${body.length}`,
      'Expect: 100-continue',
      'Connection: close',
      '',
      '',
    ].join('\r\n'),
  )
  await until(
    () => received,
    () => received.includes('100 Continue'),
  )
  return {
    async finish() {
      socket.end(body)
      await closed
      return received.slice(received.indexOf('\r\n\r\n') + 4)
    },
  }
}

async function until(context: () => string, condition: () => boolean | Promise<boolean>) {
  for (let attempt = 0; attempt < 1200; attempt++) {
    if (await condition()) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`Gave up waiting; the server said:\n${context()}`)
}

function isFree(port: number) {
  return new Promise<boolean>((resolve) => {
    const probe = net.createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}
