import type { Database } from '../db/database.ts'
import {
  ADDRESS_FAILURE_LIMIT,
  secondsUntilRetry,
  THROTTLE_WINDOW_MINUTES,
  USERNAME_FAILURE_LIMIT,
  usernameKey,
} from './throttle-rules.ts'

export type Realm = 'portal' | 'office'

export interface Attempt {
  practiceId: number
  realm: Realm
  username: string
  ip: string
}

/** Seconds the caller must wait before this attempt may even be checked; 0 when it may. */
export async function throttleDelay(db: Database, attempt: Attempt, now = new Date()) {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000)
  const [byName, byAddress] = await Promise.all([
    db
      .selectFrom('sign_in_failures')
      .select('failed_at')
      .where('practice_id', '=', attempt.practiceId)
      .where('realm', '=', attempt.realm)
      .where('username_key', '=', usernameKey(attempt.username))
      .where('failed_at', '>', since)
      .execute(),
    db
      .selectFrom('sign_in_failures')
      .select('failed_at')
      .where('ip', '=', attempt.ip)
      .where('failed_at', '>', since)
      .execute(),
  ])
  return Math.max(
    secondsUntilRetry(
      byName.map((row) => row.failed_at),
      USERNAME_FAILURE_LIMIT,
      now,
    ),
    secondsUntilRetry(
      byAddress.map((row) => row.failed_at),
      ADDRESS_FAILURE_LIMIT,
      now,
    ),
  )
}

export async function recordFailure(db: Database, attempt: Attempt) {
  await db
    .insertInto('sign_in_failures')
    .values({
      practice_id: attempt.practiceId,
      realm: attempt.realm,
      username_key: usernameKey(attempt.username),
      ip: attempt.ip,
    })
    .execute()
}

/** A successful sign-in clears the user name's counter (not the address's). */
export async function clearFailures(db: Database, attempt: Attempt) {
  await db
    .deleteFrom('sign_in_failures')
    .where('practice_id', '=', attempt.practiceId)
    .where('realm', '=', attempt.realm)
    .where('username_key', '=', usernameKey(attempt.username))
    .execute()
}
