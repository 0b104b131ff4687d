import { type RawBuilder, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import {
  lockSchedule,
  SIGN_IN_ADDRESS,
  SIGN_IN_NAME,
  secondsUntil,
  type ThrottleRule,
  usernameKey,
} from './throttle-rules.ts'

export type Realm = 'portal' | 'office'

export interface Attempt {
  practiceId: number
  realm: Realm
  username: string
  ip: string
}

/** One counter an attempt is counted on: a rule and whom it counts for. */
export interface Counter {
  rule: ThrottleRule
  key: string
}

export type Admission = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/** A sign-in (or reset-code) attempt counts on its client address, then on its user name. */
export function signInCounters(attempt: Attempt): Counter[] {
  return [
    { rule: SIGN_IN_ADDRESS, key: attempt.ip },
    {
      rule: SIGN_IN_NAME,
      key: `${attempt.realm}:${attempt.practiceId}:${usernameKey(attempt.username)}`,
    },
  ]
}

/**
 * Counts one attempt on each counter and decides, in ONE statement, whether it may be checked.
 * Each counter's row is upserted (its row lock orders concurrent attempts, and `returning` gives
 * each its own count); a counter is counted only when every counter before it let the attempt
 * through, so a refused attempt is not counted again further on. An attempt refused by a counter
 * that is waiting is not counted on that counter either.
 */
export async function countAttempt(
  db: Database,
  counters: Counter[],
  now = new Date(),
): Promise<Admission> {
  const steps = counters.map((counter, index) => {
    const earlier =
      index === 0
        ? sql``
        : sql`where exists (select from s${sql.raw(String(index - 1))} where allowed)`
    return sql`s${sql.raw(String(index))} as (${upsert(counter, now, earlier)})`
  })
  const results = counters.map(
    (_, index) =>
      sql`select ${index}::int as step, allowed, locked_until from s${sql.raw(String(index))}`,
  )
  const { rows } = await sql<{ step: number; allowed: boolean; locked_until: Date | null }>`
    with ${sql.join(steps)} ${sql.join(results, sql` union all `)}`.execute(db)
  const refused = rows.find((row) => !row.allowed)
  if (!refused) return { allowed: true }
  const until = refused.locked_until ? new Date(refused.locked_until) : now
  return { allowed: false, retryAfterSeconds: secondsUntil(until, now) }
}

function upsert(counter: Counter, now: Date, condition: RawBuilder<unknown>) {
  const { rule, key } = counter
  const schedule = lockSchedule(rule)
  const waitAfter = (attempts: RawBuilder<unknown>) =>
    // No wait is null, not "until now": parallel attempts' clocks need not arrive in order, and a
    // later statement with an earlier clock must not read a zero wait as one still running.
    sql`${now}::timestamptz + make_interval(secs => nullif(coalesce((${schedule}::int[])[${attempts}], ${rule.maxDelaySeconds}), 0))`
  const waiting = sql`c.locked_until > ${now}::timestamptz`
  const quiet = sql`c.last_attempt_at <= ${now}::timestamptz - make_interval(mins => ${rule.windowMinutes})`
  const counted = sql`case when ${quiet} then 1 else c.attempts + 1 end`
  return sql`insert into attempt_counters as c
      (scope, key, attempts, last_attempt_at, locked_until, allowed)
    select ${rule.scope}, ${key}, 1, ${now}::timestamptz, ${waitAfter(sql`1`)}, true ${condition}
    on conflict (scope, key) do update set
      attempts = case when ${waiting} then c.attempts else ${counted} end,
      last_attempt_at = case when ${waiting} then c.last_attempt_at else ${now}::timestamptz end,
      locked_until = case when ${waiting} then c.locked_until else ${waitAfter(counted)} end,
      allowed = not coalesce(${waiting}, false)
    returning allowed, locked_until`
}

/**
 * Gives back an attempt that turned out honest (a right password): it no longer counts, and the
 * wait it started, if any, is lifted unless the attempts left still call for one.
 */
export async function refundAttempt(db: Database, counter: Counter) {
  await sql`update attempt_counters set
      attempts = greatest(attempts - 1, 0),
      locked_until = case when attempts - 1 < ${counter.rule.limit} then null else locked_until end
    where scope = ${counter.rule.scope} and key = ${counter.key}`.execute(db)
}

/** Starts a counter again from nothing (a successful sign-in clears its user name's). */
export async function clearAttempts(db: Database, counter: Counter) {
  await db
    .deleteFrom('attempt_counters')
    .where('scope', '=', counter.rule.scope)
    .where('key', '=', counter.key)
    .execute()
}

/** A successful sign-in: its user name starts again, and its address gets the attempt back. */
export async function clearFailures(db: Database, attempt: Attempt) {
  const [address, name] = signInCounters(attempt) as [Counter, Counter]
  await Promise.all([clearAttempts(db, name), refundAttempt(db, address)])
}
