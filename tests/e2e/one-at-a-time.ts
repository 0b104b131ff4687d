import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Runs `work` while no other Playwright worker (desktop or phone, same server) runs work of the
 * same `name`: for the rare test that needs a practice-wide slot to itself, such as the one
 * webhook, and still runs in both projects. The lock is a folder (made atomically) beside the
 * server's mail folder; one left by a worker that died is taken over.
 */
export async function oneAtATime<T>(name: string, work: () => Promise<T>): Promise<T> {
  const port = process.env.E2E_PORT ?? '3100'
  const folder = path.join(os.tmpdir(), `bitewing-e2e-locks-${port}`, name)
  fs.mkdirSync(path.dirname(folder), { recursive: true })
  const deadline = Date.now() + 60_000
  for (;;) {
    try {
      fs.mkdirSync(folder)
      fs.writeFileSync(path.join(folder, 'pid'), String(process.pid))
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      if (!holderIsAlive(folder)) fs.rmSync(folder, { recursive: true, force: true })
      else if (Date.now() > deadline) throw new Error(`Waited a minute for “${name}”`)
      else await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  try {
    return await work()
  } finally {
    fs.rmSync(folder, { recursive: true, force: true })
  }
}

function holderIsAlive(folder: string): boolean {
  let pid: number
  try {
    pid = Number(fs.readFileSync(path.join(folder, 'pid'), 'utf8'))
  } catch {
    return true // just made, its pid not written yet
  }
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
