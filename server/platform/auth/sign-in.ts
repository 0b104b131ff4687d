import type { FastifyReply } from 'fastify'
import { type Actor, recordAudit } from '../audit/audit.ts'
import type { Database } from '../db/database.ts'
import { verifyWithoutUser } from './dummy-hash.ts'
import { verifyPassword } from './passwords.ts'
import { SignInFailed, TooManyAttempts } from './sign-in-problems.ts'
import {
  type Attempt,
  type Counter,
  clearFailures,
  countAttempt,
  signInCounters,
} from './throttle.ts'

/**
 * Counts the attempt on its counters before anything is checked, and refuses it with 429 and
 * Retry-After (audited as `action`) when one of them must wait.
 */
export async function admitAttempt(
  db: Database,
  reply: FastifyReply,
  counters: Counter[],
  audit: { practiceId: number; action: string; ip: string; actor?: Actor },
) {
  const admission = await countAttempt(db, counters)
  if (admission.allowed) return
  await recordAudit(db, {
    practiceId: audit.practiceId,
    actor: audit.actor ?? { type: 'anonymous' },
    action: audit.action,
    outcome: 'failure',
    ip: audit.ip,
  })
  reply.header('Retry-After', String(admission.retryAfterSeconds))
  throw new TooManyAttempts(admission.retryAfterSeconds)
}

/** Counts a sign-in (or reset-code) attempt on its address and user name; 429 when either waits. */
export async function enforceThrottle(db: Database, reply: FastifyReply, attempt: Attempt) {
  await admitAttempt(db, reply, signInCounters(attempt), {
    practiceId: attempt.practiceId,
    action: `${attempt.realm}.sign_in_throttled`,
    ip: attempt.ip,
  })
}

/**
 * The one password check for patients and staff: counted before it is made, the same answer and
 * the same time for an unknown user name and a wrong password, every failure audited.
 */
export async function checkCredentials<User extends { id: number; password_hash: string }>(
  db: Database,
  reply: FastifyReply,
  attempt: Attempt,
  password: string,
  found: { findUser: () => Promise<User | undefined>; actor: (user: User) => Actor },
): Promise<User> {
  await enforceThrottle(db, reply, attempt)
  const user = await found.findUser()
  const passwordRight = user
    ? await verifyPassword(user.password_hash, password)
    : await verifyWithoutUser(password)
  if (!user || !passwordRight) {
    await recordAudit(db, {
      practiceId: attempt.practiceId,
      actor: user ? found.actor(user) : { type: 'anonymous' },
      action: `${attempt.realm}.sign_in`,
      outcome: 'failure',
      ip: attempt.ip,
      details: { reason: user ? 'wrong-password' : 'unknown-user-name' },
    })
    throw new SignInFailed()
  }
  await clearFailures(db, attempt)
  return user
}
