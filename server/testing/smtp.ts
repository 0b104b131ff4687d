import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  to: string[]
  raw: string
}

export interface LoopbackSmtpOptions {
  /** Recipients refused for good (550 Mailbox unavailable), as a mail server that knows none. */
  refuse?: (address: string) => boolean
  /** Recipients refused for now (451 try again later), as a busy mailbox. */
  busy?: (address: string) => boolean
  /** A fixed port, to start a server again where a stopped one listened (default: any free). */
  port?: number
}

const refusal = (message: string, responseCode: number) =>
  Object.assign(new Error(message), { responseCode })

/**
 * A loopback SMTP server that keeps every message it accepts, as a patient's inbox would; it
 * refuses the recipients `options` name. `hang()` makes it accept connections and never greet
 * them, as a stuck mail server does, until `answer()`.
 */
export async function startLoopbackSmtp(options: LoopbackSmtpOptions = {}) {
  const received: ReceivedMail[] = []
  const unanswered: (() => void)[] = []
  let hanging = false
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    disableReverseLookup: true,
    closeTimeout: 100,
    onConnect(_session, callback) {
      if (hanging) unanswered.push(() => callback())
      else callback()
    },
    onRcptTo({ address }, _session, callback) {
      if (options.refuse?.(address)) return callback(refusal('Mailbox unavailable', 550))
      if (options.busy?.(address)) return callback(refusal('Mailbox busy, try again later', 451))
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Every recipient of every message received, in order. */
    recipients: () => received.flatMap((mail) => mail.to),
    /** How many connections are kept waiting for a greeting. */
    waiting: () => unanswered.length,
    hang() {
      hanging = true
    },
    /** Greets the connections kept waiting, and the ones to come. */
    answer() {
      hanging = false
      for (const greet of unanswered.splice(0)) greet()
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type LoopbackSmtp = Awaited<ReturnType<typeof startLoopbackSmtp>>

/** A message's text as the reader sees it: quoted-printable soft breaks and escapes undone. */
export function readableText(mail: ReceivedMail): string {
  const body = mail.raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n')
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}
