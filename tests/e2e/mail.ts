import fs from 'node:fs'
import path from 'node:path'
import { expect } from '@playwright/test'

/**
 * What arrived at the e2e server's loopback SMTP servers (scripts/e2e-smtp.mjs): ordinary email
 * (`smtp`) and the Direct relay (`direct`), one JSON file per message in E2E_MAIL_DIR.
 */
export interface ReceivedMail {
  receivedAt: string
  from: string | null
  to: string[]
  raw: string
}

export type Relay = 'smtp' | 'direct'

function mailFolder(relay: Relay): string {
  const root = process.env.E2E_MAIL_DIR
  if (!root) throw new Error('E2E_MAIL_DIR is not set: run the tests through playwright.config.ts')
  return path.join(root, relay)
}

function readMail(relay: Relay): ReceivedMail[] {
  const folder = mailFolder(relay)
  if (!fs.existsSync(folder)) return []
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')) as ReceivedMail)
}

/** Waits for the one message sent to `to` through `relay`. */
export async function mailTo(to: string, relay: Relay = 'smtp'): Promise<ReceivedMail> {
  let found: ReceivedMail[] = []
  await expect
    .poll(
      () => {
        found = readMail(relay).filter((mail) => mail.to.includes(to))
        return found.length
      },
      { message: `a message to ${to} at the ${relay} server`, timeout: 15_000 },
    )
    .toBe(1)
  return found[0] as ReceivedMail
}

/** Everything that arrived for `to` through `relay` so far (for "nothing was sent"). */
export function mailCountTo(to: string, relay: Relay = 'smtp'): number {
  return mailsTo(to, relay).length
}

/** The messages that arrived for `to` through `relay` so far, oldest first. */
export function mailsTo(to: string, relay: Relay = 'smtp'): ReceivedMail[] {
  return readMail(relay)
    .filter((mail) => mail.to.includes(to))
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
}

/** Waits for the one message whose text matches `pattern` (sent to whoever). */
export async function mailMatching(pattern: RegExp, relay: Relay = 'smtp'): Promise<ReceivedMail> {
  let found: ReceivedMail[] = []
  await expect
    .poll(
      () => {
        found = readMail(relay).filter((mail) => pattern.test(textBody(mail)))
        return found.length
      },
      { message: `a message matching ${pattern} at the ${relay} server`, timeout: 15_000 },
    )
    .toBe(1)
  return found[0] as ReceivedMail
}

/** A header of the message itself (its first block), unfolded. */
export function header(mail: ReceivedMail, name: string): string | undefined {
  const head = mail.raw.split(/\r?\n\r?\n/, 1)[0] ?? ''
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ')
  const line = unfolded
    .split(/\r?\n/)
    .find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`))
  return line?.slice(name.length + 1).trim()
}

export interface MimePart {
  headers: string
  body: string
}

/** The parts of a multipart message (one level deep is all nodemailer makes here). */
export function mimeParts(mail: ReceivedMail): MimePart[] {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(header(mail, 'Content-Type') ?? '')?.[1]
  if (!boundary) return []
  return mail.raw
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const [headers = '', ...rest] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/)
      return { headers: headers.replace(/\r?\n[ \t]+/g, ' '), body: rest.join('\n\n') }
    })
}

/** The attachment named `filename`, decoded. */
export function attachment(mail: ReceivedMail, filename: string): Buffer | undefined {
  const part = mimeParts(mail).find(
    (candidate) =>
      candidate.headers.includes(`filename=${filename}`) ||
      candidate.headers.includes(`filename="${filename}"`),
  )
  if (!part) return undefined
  return /content-transfer-encoding:\s*base64/i.test(part.headers)
    ? Buffer.from(part.body.replace(/\s+/g, ''), 'base64')
    : Buffer.from(part.body, 'utf8')
}

/** The plain-text part, decoded from quoted-printable if it is. */
export function textBody(mail: ReceivedMail): string {
  const part = mimeParts(mail).find((candidate) =>
    /content-type:\s*text\/plain/i.test(candidate.headers),
  )
  const body =
    part?.body ??
    mail.raw
      .split(/\r?\n\r?\n/)
      .slice(1)
      .join('\n\n')
  if (!part || !/quoted-printable/i.test(part.headers)) return body
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}
