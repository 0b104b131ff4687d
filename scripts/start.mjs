// `npm start`: builds the web app when it is missing or older than its sources (unless WEB_DIST
// names one built elsewhere), and the server likewise (scripts/server-build.mjs), then runs the
// prebuilt server: nothing is transpiled at run time. Signals are passed on so Ctrl-C and SIGTERM
// shut the server down gracefully.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { ensureServerBuilt, SERVER_ENTRY } from './server-build.mjs'
import { SERVER_NODE_FLAGS } from './server-flags.mjs'

const root = path.resolve(import.meta.dirname, '..')
const builtPage = path.join(root, 'dist/web/index.html')

function newestSourceTime(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    const time = entry.isDirectory() ? newestSourceTime(full) : fs.statSync(full).mtimeMs
    newest = Math.max(newest, time)
  }
  return newest
}

function webAppIsCurrent() {
  if (!fs.existsSync(builtPage)) return false
  const sources = Math.max(
    newestSourceTime(path.join(root, 'web')),
    fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs,
  )
  return fs.statSync(builtPage).mtimeMs >= sources
}

if (!process.env.WEB_DIST && !webAppIsCurrent()) {
  console.log('Building the web app…')
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  )
  if (build.status !== 0) process.exit(build.status ?? 1)
}

await ensureServerBuilt()
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_ENTRY], {
  cwd: process.cwd(),
  stdio: 'inherit',
})

// Passed on once: Ctrl-C and systemd signal the server as well, and it counts only the first.
let stopping = false
function stopServer(signal) {
  if (stopping) return
  stopping = true
  server.kill(signal)
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopServer(signal))

// npm runs this script through `sh -c`: a SIGTERM sent to npm alone ends that shell and npm, not
// this script, so the server would go on holding the port. A parent gone away means stop.
const parent = process.ppid
const watchParent = setInterval(() => {
  if (!isRunning(parent)) stopServer('SIGTERM')
}, 500)
watchParent.unref()

function isRunning(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
