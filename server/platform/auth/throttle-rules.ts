/** Sign-in throttling: how many failures are tolerated, and how long to wait after that. */
export const THROTTLE_WINDOW_MINUTES = 15
/** Failures per user name in the window before the account must wait. */
export const USERNAME_FAILURE_LIMIT = 5
/**
 * Failures per client address in the window. Higher than per user name: a practice's waiting
 * room tablet or a family's home router is one address shared by many honest people.
 */
export const ADDRESS_FAILURE_LIMIT = 20
const FIRST_DELAY_SECONDS = 30
const MAX_DELAY_SECONDS = 15 * 60

/**
 * Seconds until another attempt is allowed, given the failures in the window (oldest first).
 * Each failure beyond the limit doubles the wait, counted from the latest failure.
 */
export function secondsUntilRetry(failures: Date[], limit: number, now: Date): number {
  if (failures.length < limit) return 0
  const beyond = failures.length - limit
  const delay = Math.min(FIRST_DELAY_SECONDS * 2 ** beyond, MAX_DELAY_SECONDS)
  const latest = Math.max(...failures.map((failure) => failure.getTime()))
  return Math.max(0, Math.ceil((latest + delay * 1000 - now.getTime()) / 1000))
}

/** Case- and space-insensitive key, so `Maria.Garcia ` and `maria.garcia` share one counter. */
export function usernameKey(username: string): string {
  return username.trim().toLowerCase()
}
