import { createRequire } from 'node:module'

/**
 * How long an SMTP conversation may wait for the server at each step (connecting, its greeting,
 * any reply) unless configured (SMTP_TIMEOUT_SECONDS). Nodemailer's own defaults (2 min, 30 s,
 * 10 min) would let one hung server hold a worker slot for ten minutes; this is well inside a
 * job's lease, so a hung send fails and is retried like any temporary failure.
 */
export const DEFAULT_SMTP_TIMEOUT_SECONDS = 20

/** An SMTP transport from `SMTP_URL`, or undefined to keep emails in the database only. */
export function createMailTransport(
  smtpUrl: string | undefined,
  timeoutSeconds = DEFAULT_SMTP_TIMEOUT_SECONDS,
) {
  if (!smtpUrl) return undefined
  const timeout = Math.round(timeoutSeconds * 1000)
  // Nodemailer (650 KB of code) loads only when email goes out over SMTP, not at every start.
  const nodemailer = createRequire(import.meta.url)('nodemailer') as typeof import('nodemailer')
  return nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  })
}
