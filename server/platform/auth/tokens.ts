import { hash, randomBytes, randomInt } from 'node:crypto'

/** A session or reset token: 256 random bits, URL-safe. Only its hash is ever stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Asked on every signed-in request: the one-shot hash costs less than half of createHash. */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex')
}

/** A numeric code a person types from an email; `digits` between 6 and 8. */
export function newNumericCode(digits = 6): string {
  return Array.from({ length: digits }, () => String(randomInt(10))).join('')
}

// No 0/O, 1/l/I: a one-time password is read off paper and typed by hand.
const READABLE = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** The office's one-time password: 8 characters that survive being printed and retyped. */
export function newOneTimePassword(length = 8): string {
  return Array.from({ length }, () => READABLE[randomInt(READABLE.length)]).join('')
}

/** Random digits appended to a first name for a suggested user name. */
export function randomDigits(count: number): string {
  return Array.from({ length: count }, () => String(randomInt(10))).join('')
}
