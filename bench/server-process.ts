/**
 * The server as the benches run it: the prebuilt bundle `npm start` runs (or another command, to
 * compare), waited for until it answers, measured through /proc, and stopped gracefully.
 */
import { type ChildProcess, type StdioOptions, spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import { SERVER_ENTRY } from '../scripts/server-build.mjs'
import { SERVER_NODE_FLAGS } from '../scripts/server-flags.mjs'

const ROOT = path.resolve(import.meta.dirname, '..')

/** How `npm start` runs the server (prebuilt), and how it ran before (TypeScript through tsx). */
export const SERVER_COMMANDS = {
  prebuilt: [...SERVER_NODE_FLAGS, SERVER_ENTRY],
  tsx: [...SERVER_NODE_FLAGS, '--import', 'tsx', path.join(ROOT, 'server/main.ts')],
}

export function spawnServer(
  env: Record<string, string>,
  options: { command?: string[]; stdio?: StdioOptions } = {},
): ChildProcess {
  const command = options.command ?? SERVER_COMMANDS.prebuilt
  // BENCH_PROFILE=1 writes the server's CPU profile (open it in Chrome's DevTools) on exit.
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${path.join(ROOT, '.bench', 'profiles')}`]
    : []
  return spawn(process.execPath, [...profile, ...command], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: options.stdio ?? ['ignore', 'ignore', 'inherit'],
  })
}

export async function isHealthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok
  } catch {
    return false
  }
}

/** Waits until the server answers /healthz, polling every `everyMs`, for at most `withinMs`. */
export async function waitHealthy(
  port: number,
  server: ChildProcess,
  everyMs = 100,
  withinMs = 60_000,
) {
  const deadline = performance.now() + withinMs
  while (performance.now() < deadline) {
    if (server.exitCode !== null) throw new Error('The bench server exited during start-up')
    if (await isHealthy(port)) return
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
  throw new Error('The bench server did not start')
}

export async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

/** Resident memory now (`VmRSS`) or its high-water mark so far (`VmHWM`), in MB. */
export async function residentMegabytes(pid: number | undefined, which: 'now' | 'peak' = 'now') {
  if (!pid) return Number.NaN
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  const field = which === 'now' ? 'VmRSS' : 'VmHWM'
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN) / 1024
}
