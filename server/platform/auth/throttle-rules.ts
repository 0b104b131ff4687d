/**
 * Throttling: how many attempts each counter lets through, and how long to wait after that.
 * Attempts are counted before they are checked (a success gives its attempt back), so parallel
 * guesses cannot all be checked before the first is counted.
 */
export interface ThrottleRule {
  /** Names the counter in `attempt_counters`. */
  scope: string
  /** Attempts let through before the first wait. */
  limit: number
  /** A counter quiet this long starts again from nothing. */
  windowMinutes: number
  /** The wait after the limit-th attempt; each further attempt doubles it, up to the maximum. */
  firstDelaySeconds: number
  maxDelaySeconds: number
}

const SIGN_IN_DEFAULTS = { windowMinutes: 15, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60 }

/** Sign-in attempts per user name (per practice and realm: portal or office). */
export const SIGN_IN_NAME: ThrottleRule = { scope: 'sign-in', limit: 5, ...SIGN_IN_DEFAULTS }
/**
 * Sign-in attempts per client address. Higher than per user name: a practice's waiting room
 * tablet or a family's home router is one address shared by many honest people.
 */
export const SIGN_IN_ADDRESS: ThrottleRule = { scope: 'address', limit: 20, ...SIGN_IN_DEFAULTS }
/** Wrong current passwords on Change password, per portal user: a left-open session guessing. */
export const PASSWORD_CHANGE: ThrottleRule = {
  scope: 'password-change',
  limit: 5,
  ...SIGN_IN_DEFAULTS,
}
/** Forgot-password requests per user name typed: each one may send an email. */
export const RESET_REQUEST_NAME: ThrottleRule = {
  scope: 'reset-request',
  limit: 3,
  windowMinutes: 15,
  firstDelaySeconds: 60,
  maxDelaySeconds: 15 * 60,
}
/** Forgot-password requests per client address, whatever names it types. */
export const RESET_REQUEST_ADDRESS: ThrottleRule = {
  scope: 'reset-request-address',
  limit: 10,
  windowMinutes: 15,
  firstDelaySeconds: 60,
  maxDelaySeconds: 15 * 60,
}

/**
 * Seconds to wait after the `attempts`-th attempt counted in a window: none below the limit,
 * then the first delay, doubled by each further attempt, up to the maximum.
 */
export function lockSecondsAfter(attempts: number, rule: ThrottleRule): number {
  if (attempts < rule.limit) return 0
  return Math.min(rule.firstDelaySeconds * 2 ** (attempts - rule.limit), rule.maxDelaySeconds)
}

/**
 * `lockSecondsAfter` for 1, 2, 3… attempts, up to the first that reaches the maximum, as a
 * PostgreSQL array literal: the counting statement looks its wait up by the count it arrives at
 * (past the end of the array, the maximum).
 */
export function lockSchedule(rule: ThrottleRule): string {
  const waits: number[] = []
  for (let attempts = 1; ; attempts++) {
    const wait = lockSecondsAfter(attempts, rule)
    waits.push(wait)
    if (wait >= rule.maxDelaySeconds) break
  }
  return `{${waits.join(',')}}`
}

/** Whole seconds from `now` until `until`, at least 1 (a Retry-After of 0 invites a retry loop). */
export function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))
}

/** Case- and space-insensitive key, so `Maria.Garcia ` and `maria.garcia` share one counter. */
export function usernameKey(username: string): string {
  return username.trim().toLowerCase()
}

/**
 * Second-factor answers (an app's code, a recovery code) per person: a password already known,
 * guessing six digits. Counted like passwords, before the code is looked at (issue 17).
 */
export const SECOND_FACTOR: ThrottleRule = { scope: 'second-factor', limit: 5, ...SIGN_IN_DEFAULTS }

/**
 * Passkey sign-in challenges asked for, per client address: each is a row written before anyone
 * is known, so a loop asking could fill the database. Generous for people retrying their phone.
 */
export const PASSKEY_CHALLENGE_ADDRESS: ThrottleRule = {
  scope: 'passkey-challenge-address',
  limit: 60,
  windowMinutes: 15,
  firstDelaySeconds: 60,
  maxDelaySeconds: 15 * 60,
}
