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

// --liftoff-only keeps WebAssembly (the embedded database is WebAssembly); --jitless would not.
it('runs WebAssembly under the server flags', () => {
  // (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
  const add = [
    0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 2, 127, 127, 1, 127, 3, 2, 1, 0, 7, 7, 1, 3, 97, 100,
    100, 0, 0, 10, 9, 1, 7, 0, 32, 0, 32, 1, 106, 11,
  ]
  const run = spawnSync(
    process.execPath,
    [
      ...SERVER_NODE_FLAGS,
      '-e',
      `const m = new WebAssembly.Module(new Uint8Array(${JSON.stringify(add)}));
       console.log(new WebAssembly.Instance(m).exports.add(2, 3))`,
    ],
    { encoding: 'utf8' },
  )
  expect(run.stderr).toBe('')
  expect(run.stdout.trim()).toBe('5')
})
