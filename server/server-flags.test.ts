import { spawnSync } from 'node:child_process'
import { expect, it } from 'vitest'
import { SERVER_NODE_FLAGS } from '../scripts/server-flags.mjs'

/** The heap V8 allows a process started with these flags, in MB. */
function heapLimitMb(flags: readonly string[]) {
  const run = spawnSync(
    process.execPath,
    [...flags, '-e', 'console.log(require("node:v8").getHeapStatistics().heap_size_limit)'],
    { encoding: 'utf8' },
  )
  return Number(run.stdout) / 1024 / 1024
}

// The server must stay within its memory budget (300 MB resident under a bulk sync load). V8 lets
// the old generation of an unbounded heap grow to about four times what survived the last full
// collection before collecting again; bounded under 512 MB it grows by at most 1.4 times.
it('runs the server in a bounded heap, however much memory the machine has', () => {
  const limit = heapLimitMb(SERVER_NODE_FLAGS)
  expect(limit).toBeGreaterThan(400)
  expect(limit).toBeLessThan(650)
})
