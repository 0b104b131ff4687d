import fs from 'node:fs/promises'
import type { QueryObserver } from './prepared-statements.ts'
import type { ReadCache } from './read-cache.ts'

type ProbeMessage =
  | { type: 'bench:stats' }
  | { type: 'bench:capture'; on: boolean }
  | { type: 'bench:dump'; file: string }

/**
 * What `npm run bench -- tabs` asks of a server it started itself (BENCH_PROBE=1 and an IPC
 * channel, never otherwise): how many kept reads hit, and the statements sent to PostgreSQL while
 * it captures, written to a file of its choosing so it can replay them without the server. The
 * statements carry patient data: only the bench's own database is ever captured.
 */
export function startBenchProbe(env: NodeJS.ProcessEnv = process.env) {
  if (env.BENCH_PROBE !== '1' || !process.send) return undefined
  const captured: [string, readonly unknown[]][] = []
  let capturing = false
  let reads: ReadCache | undefined
  const onQuery: QueryObserver = (text, values) => {
    if (capturing) captured.push([text, values])
  }
  process.on('message', async (message: ProbeMessage) => {
    if (message.type === 'bench:stats') {
      process.send?.({ type: 'bench:stats', reads: reads?.stats(), statements: captured.length })
    } else if (message.type === 'bench:capture') {
      capturing = message.on
      process.send?.({ type: 'bench:capture' })
    } else if (message.type === 'bench:dump') {
      await fs.writeFile(message.file, captured.map((entry) => JSON.stringify(entry)).join('\n'))
      captured.length = 0
      process.send?.({ type: 'bench:dump' })
    }
  })
  return {
    onQuery,
    watch(cache: ReadCache) {
      reads = cache
    },
  }
}
