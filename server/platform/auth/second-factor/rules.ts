import { randomInt } from 'node:crypto'
import { Secret, TOTP } from 'otpauth'

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
const TOTP_SHAPE = { algorithm: 'SHA1', digits: 6, period: 30 } as const
/** One step either side: a phone clock a little off, a code typed as it turned over. */
const TOTP_WINDOW = 1

/** A new shared key for an authenticator app, as the Base32 text people type. */
export function newTotpKey(): string {
  return new Secret({ size: 20 }).base32
}

/** The otpauth:// address a QR code carries: the app's entry reads "issuer (label)". */
export function totpUri(key: string, issuer: string, label: string): string {
  return new TOTP({ ...TOTP_SHAPE, issuer, label, secret: Secret.fromBase32(key) }).toString()
}

/**
 * The 30-second step a typed code belongs to, or null when it matches none within the window.
 * The caller accepts it only if that step is later than the last one used (replays refused).
 */
export function totpStep(key: string, typed: string, now = new Date()): number | null {
  const token = typed.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(token)) return null
  const totp = new TOTP({ ...TOTP_SHAPE, secret: Secret.fromBase32(key) })
  const delta = totp.validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW })
  if (delta === null) return null
  return totp.counter({ timestamp: now.getTime() }) + delta
}

/** The code an app shows at `now` (tests and the web client's own tests compute codes so). */
export function totpCode(key: string, now = new Date()): string {
  return new TOTP({ ...TOTP_SHAPE, secret: Secret.fromBase32(key) }).generate({
    timestamp: now.getTime(),
  })
}

export const RECOVERY_CODE_COUNT = 10
// No 0/o, 1/l/i: printed or written down, then typed back.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** A recovery code: 10 characters (about 50 random bits) shown as two groups of five. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(31)])
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`
}

/** What a typed recovery code is compared as: lower case, without spaces or the dash. */
export function normalRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[\s-]+/g, '')
}

/** What a person typed in the code box: six digits are an app's code, the rest a recovery code. */
export function kindOfCode(typed: string): 'totp' | 'recovery' {
  return /^\d{6}$/.test(typed.replace(/\s+/g, '')) ? 'totp' : 'recovery'
}

/** Where the practice's policy leaves a person who signed in with a password. */
export function secondFactorStep(input: {
  hasFactor: boolean
  rememberedBrowser: boolean
  required: boolean
}): 'none' | 'answer' | 'enroll' {
  if (input.hasFactor) return input.rememberedBrowser ? 'none' : 'answer'
  return input.required ? 'enroll' : 'none'
}

export const REMEMBER_BROWSER_DAYS = 30
