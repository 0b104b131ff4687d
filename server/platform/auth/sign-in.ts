import type { FastifyReply } from 'fastify'
import { type Actor, recordAudit } from '../audit/audit.ts'
import type { Database } from '../db/database.ts'
import { verifyWithoutUser } from './dummy-hash.ts'
import { verifyPassword } from './passwords.ts'
import { SignInFailed, TooManyAttempts } from './sign-in-problems.ts'
import { type Attempt, clearFailures, recordFailure, throttleDelay } from './throttle.ts'

/** Refuses the attempt with 429 and Retry-After while its user name or address must wait. */
export async function enforceThrottle(db: Database, reply: FastifyReply, attempt: Attempt) {
  const wait = await throttleDelay(db, attempt)
  if (wait <= 0) return
  await recordAudit(db, {
    practiceId: attempt.practiceId,
    actor: { type: 'anonymous' },
    action: `${attempt.realm}.sign_in_throttled`,
    outcome: 'failure',
    ip: attempt.ip,
  })
  reply.header('Retry-After', String(wait))
  throw new TooManyAttempts(wait)
}

/**
 * The one password check for patients and staff: throttled, the same answer and the same time
 * for an unknown user name and a wrong password, every failure counted and audited.
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
    await recordFailure(db, attempt)
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
