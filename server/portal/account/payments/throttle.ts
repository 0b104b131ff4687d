import type { Counter } from '../../../platform/auth/throttle.ts'
import type { ThrottleRule } from '../../../platform/auth/throttle-rules.ts'
import { normalizeName } from '../../signin/rules.ts'

/** Tries at "who are you" before paying without signing in, per client address. */
export const PAY_VERIFY_ADDRESS: ThrottleRule = {
  scope: 'pay-verify-address',
  limit: 10,
  windowMinutes: 15,
  firstDelaySeconds: 60,
  maxDelaySeconds: 15 * 60,
}

/** The same tries per last name and birthdate typed, from any address (guessing first names). */
export const PAY_VERIFY_PERSON: ThrottleRule = {
  scope: 'pay-verify-person',
  limit: 5,
  windowMinutes: 15,
  firstDelaySeconds: 60,
  maxDelaySeconds: 15 * 60,
}

/**
 * Cards typed into the sandbox's card page, per client address: each is a row, so a loop
 * posting cards could fill the database. Generous for a demo or a browser test run.
 */
export const SANDBOX_CARD_ADDRESS: ThrottleRule = {
  scope: 'sandbox-card-address',
  limit: 60,
  windowMinutes: 15,
  firstDelaySeconds: 60,
  maxDelaySeconds: 15 * 60,
}

/** What one try at "who are you" counts against: the address, and the person typed. */
export function payerVerificationCounters(
  practiceId: number,
  ip: string,
  typed: { lastName: string; birthdate: string },
): Counter[] {
  return [
    { rule: PAY_VERIFY_ADDRESS, key: ip },
    {
      rule: PAY_VERIFY_PERSON,
      // Spelled as the match compares names, so 'García' and 'Garcia-' are one person's tries.
      key: `${practiceId}:${normalizeName(typed.lastName)}:${typed.birthdate}`,
    },
  ]
}
