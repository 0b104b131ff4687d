import { execFile } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * A PostgreSQL cluster of a test's own (initdb in a temporary folder, its own port), which the
 * test may stop, start and kill as it likes: the machine's shared server is never touched.
 */
export interface ThrowawayPostgres {
  url: string
  /** A fast shutdown, as a restart or failover does: sessions are ended, commits are kept. */
  stop(): Promise<void>
  start(): Promise<void>
  destroy(): Promise<void>
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = findPostgresBin()
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bitewing-pg-'))
  const data = path.join(root, 'data')
  // initdb refuses to run as root; the cluster then belongs to the postgres user.
  const asRoot = process.getuid?.() === 0
  if (asRoot) await run('chown', ['postgres:', root])
  const pgRun = (program: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args])
      : run(path.join(bin, program), args)
  await pgRun('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8'])
  const port = await freePort()
  // fsync off: only the operating system's crash could lose a commit, and that is not tested.
  const serverOptions = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`
  const start = async () => {
    await pgRun('pg_ctl', [
      'start',
      '-D',
      data,
      '-w',
      '-t',
      '60',
      '-l',
      `${root}/log`,
      '-o',
      serverOptions,
    ])
  }
  await start()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await pgRun('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w', '-t', '60'])
    },
    start,
    async destroy() {
      await pgRun('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']).catch(() => {})
      fs.rmSync(root, { recursive: true, force: true })
    },
  }
}

function findPostgresBin(): string {
  const installed = fs.existsSync('/usr/lib/postgresql')
    ? fs.readdirSync('/usr/lib/postgresql').map((version) => `/usr/lib/postgresql/${version}/bin`)
    : []
  // The newest version first.
  installed.sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))
  const candidates = [process.env.PG_BIN, ...installed]
  const found = candidates.find((dir) => dir && fs.existsSync(path.join(dir, 'initdb')))
  if (!found) {
    throw new Error(
      'initdb was not found in /usr/lib/postgresql/*/bin: install the PostgreSQL server ' +
        '(apt-get install postgresql) or set PG_BIN to the folder holding initdb and pg_ctl.',
    )
  }
  return found
}

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}
