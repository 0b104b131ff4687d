/**
 * PostgreSQL's own throughput for the statements a server sent (captured by its bench probe):
 * the limit an uncached read can approach. The pg driver replays them as the server's pool sends
 * them (each text a named statement, prepared once per connection, with its captured values),
 * as many at a time as the pool has connections. pgbench cannot: its scripts take no string
 * parameters, so every value had to be written into the text, and each execution was a statement
 * parsed and planned anew (docs/decisions.md, "The database-only figure").
 */
import fs from 'node:fs/promises'
import pg from 'pg'

const SECONDS = 10

type Captured = [string, unknown[]]

async function readCaptured(file: string): Promise<Captured[]> {
  const text = await fs.readFile(file, 'utf8')
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Captured)
}

export async function replayStatements(url: string, file: string, connections: number) {
  const captured = await readCaptured(file)
  if (captured.length === 0) throw new Error('no statements were captured')
  return driverReplay(url, captured, connections)
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
