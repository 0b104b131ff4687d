// Loopback SMTP servers for the browser tests: what Bitewing sends really travels over SMTP,
// and each message that arrives is written to a folder the tests read (tests/e2e/mail.ts).
import fs from 'node:fs'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'

let count = 0

/**
 * Starts an SMTP server on 127.0.0.1 (a free port) that accepts every message and writes it to
 * `folder` as JSON ({ envelope, raw }). A recipient whose address starts with `reject` is
 * refused for good (550), one that starts with `busy` for now (451), so the tests can see a
 * delivery that fails at once and one that is retried.
 */
export async function startLoopbackSmtp(folder) {
  fs.mkdirSync(folder, { recursive: true })
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      const local = address.address.toLowerCase()
      if (local.startsWith('reject')) {
        return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }))
      }
      if (local.startsWith('busy')) {
        const busy = new Error('Mailbox busy, try again later')
        return callback(Object.assign(busy, { responseCode: 451 }))
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks = []
      stream.on('data', (chunk) => chunks.push(chunk))
      stream.on('end', () => {
        const message = {
          receivedAt: new Date().toISOString(),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        }
        const name = `${Date.now()}-${process.pid}-${++count}.json`
        // Written whole, then renamed, so a test never reads half a message.
        fs.writeFileSync(path.join(folder, `${name}.tmp`), JSON.stringify(message))
        fs.renameSync(path.join(folder, `${name}.tmp`), path.join(folder, name))
        callback()
      })
    },
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.server.address()
  return { url: `smtp://127.0.0.1:${port}` }
}
