/**
 * PostgreSQL's own throughput for the statements a server sent (captured by its bench probe):
 * the limit an uncached read can approach. pgbench runs them when it is installed (each
 * statement prepared once per connection and then executed, as the server's pool does);
 * otherwise the pg driver replays them, as many at a time as the pool has connections.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'

/** pgbench takes at most 128 scripts; each is a slice of the captured statements, in order. */
const SCRIPTS = 100
const SECONDS = 10

type Captured = [string, unknown[]]

async function readCaptured(file: string): Promise<Captured[]> {
  const text = await fs.readFile(file, 'utf8')
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Captured)
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (Array.isArray(value)) {
    const items = value.map((item) =>
      item === null ? 'NULL' : `"${String(item).replace(/["\\]/g, '\\$&')}"`,
    )
    return literal(`{${items.join(',')}}`)
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  const quoted = text.replace(/'/g, "''")
  // pgbench reads `:name` as its own variable: colons are written as escapes instead.
  if (!/[:\\]/.test(quoted)) return `'${quoted}'`
  return `E'${quoted.replace(/\\/g, '\\\\').replace(/:/g, '\\x3a')}'`
}

/** The statement with its values written in, on one line (a pgbench command is one line). */
function inline([text, values]: Captured): string {
  const filled = text.replace(/\$(\d+)/g, (_match, index) => literal(values[Number(index) - 1]))
  return `${filled.replace(/\s+/g, ' ')};`
}

function hasPgbench() {
  return spawnSync('pgbench', ['--version']).status === 0
}

export async function replayStatements(url: string, file: string, connections: number) {
  const captured = await readCaptured(file)
  if (captured.length === 0) throw new Error('no statements were captured')
  return hasPgbench()
    ? pgbench(url, captured, connections, path.dirname(file))
    : driverReplay(url, captured, connections)
}

async function pgbench(url: string, captured: Captured[], connections: number, dir: string) {
  const perScript = Math.max(1, Math.floor(captured.length / SCRIPTS))
  const files: string[] = []
  for (
    let start = 0;
    start + perScript <= captured.length && files.length < SCRIPTS;
    start += perScript
  ) {
    const script = path.join(dir, `replay-${files.length}.sql`)
    await fs.writeFile(
      script,
      `${captured
        .slice(start, start + perScript)
        .map(inline)
        .join('\n')}\n`,
    )
    files.push(script)
  }
  const target = new URL(url)
  const result = spawnSync(
    'pgbench',
    [
      '--no-vacuum',
      `--client=${connections}`,
      '--jobs=2',
      `--time=${SECONDS}`,
      '--protocol=prepared',
      `--host=${target.hostname}`,
      `--port=${target.port || 5432}`,
      `--username=${decodeURIComponent(target.username) || 'postgres'}`,
      ...files.flatMap((script) => ['-f', script]),
      target.pathname.slice(1),
    ],
    { encoding: 'utf8', env: { ...process.env, PGPASSWORD: decodeURIComponent(target.password) } },
  )
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(result.stdout)
  if (result.status !== 0 || !tps) {
    throw new Error(`pgbench failed: ${result.stderr || result.stdout}`)
  }
  for (const script of files) await fs.rm(script)
  return { statementsPerSecond: Number(tps[1]) * perScript, tool: `pgbench -c ${connections}` }
}

async function driverReplay(url: string, captured: Captured[], connections: number) {
  const pool = new pg.Pool({ connectionString: url, max: connections })
  const names = new Map<string, string>()
  let next = 0
  let done = 0
  const started = performance.now()
  const until = started + SECONDS * 1000
  async function worker() {
    while (performance.now() < until) {
      const [text, values] = captured[next++ % captured.length] as Captured
      let name = names.get(text)
      if (!name) {
        name = `replay_${names.size + 1}`
        names.set(text, name)
      }
      await pool.query({ name, text, values })
      done++
    }
  }
  await Promise.all(Array.from({ length: connections }, worker))
  const seconds = (performance.now() - started) / 1000
  await pool.end()
  return { statementsPerSecond: done / seconds, tool: `pg driver, ${connections} at a time` }
}
