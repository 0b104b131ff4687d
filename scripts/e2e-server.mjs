// The server the browser tests run against: a fresh data folder with the demo practice, and
// loopback SMTP servers for ordinary email and for Direct whose messages land in E2E_MAIL_DIR
// (smtp/ and direct/) for the tests to read; all removed when the tests end.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startLoopbackSmtp } from './e2e-smtp.mjs'
import { ensureServerBuilt, SERVER_ENTRY } from './server-build.mjs'
import { SERVER_NODE_FLAGS } from './server-flags.mjs'

const root = path.resolve(import.meta.dirname, '..')
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bitewing-e2e-'))
const mailDir = process.env.E2E_MAIL_DIR ?? path.join(dataDir, 'mail')
fs.rmSync(mailDir, { recursive: true, force: true })
const smtp = await startLoopbackSmtp(path.join(mailDir, 'smtp'))
const direct = await startLoopbackSmtp(path.join(mailDir, 'direct'))
// The prebuilt server, as `npm start` runs it (built here when older than its sources).
await ensureServerBuilt()
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_ENTRY], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: process.env.E2E_PORT ?? '3100',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // The tests sign in as the demo's people, whatever NODE_ENV the runner has.
    DEMO: 'true',
    SMTP_URL: smtp.url,
    DIRECT_SMTP_URL: direct.url,
    // Stripe configured (its card page exists) while the demo practice keeps the sandbox:
    // nothing here ever reaches Stripe.
    STRIPE_SECRET_KEY: 'sk_test_e2e',
    STRIPE_PUBLISHABLE_KEY: 'pk_test_e2e',
    STRIPE_WEBHOOK_SECRET: 'whsec_e2e',
  },
})

function cleanUp() {
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.rmSync(mailDir, { recursive: true, force: true })
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
// Exiting closes the SMTP servers' sockets with everything else.
server.on('exit', (code) => {
  cleanUp()
  process.exit(code ?? 0)
})
