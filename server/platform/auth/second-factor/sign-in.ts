import type { AuthenticationResponseJSON } from '@simplewebauthn/server'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { type Actor, recordAudit } from '../../audit/audit.ts'
import type { Database } from '../../db/database.ts'
import { Invalid } from '../../http/problems.ts'
import type { SecretBox } from '../../mail/secrets.ts'
import { clientAddress } from '../client.ts'
import type { CookiePolicy, CookieRealm } from '../cookies.ts'
import type { SessionOwner } from '../sessions.ts'
import { admitAttempt } from '../sign-in.ts'
import { type Counter, clearAttempts, refundAttempt } from '../throttle.ts'
import { SECOND_FACTOR, SIGN_IN_ADDRESS } from '../throttle-rules.ts'
import { checkSecondFactorCode, rememberBrowser } from './commands.ts'
import { checkPasskey, type RelyingParty } from './passkeys.ts'
import { hasSecondFactor, isRememberedBrowser, setSessionSecondFactorStep } from './queries.ts'
import { REMEMBER_BROWSER_DAYS, secondFactorStep } from './rules.ts'

const REMEMBER_COOKIES = {
  portal: 'bitewing_portal_remember',
  office: 'bitewing_office_remember',
} as const

/** What a session opened by a password (or reset code) still owes, by the practice's policy. */
export async function stepAfterPassword(
  db: Database,
  request: FastifyRequest,
  owner: SessionOwner,
  required: boolean,
  now = new Date(),
) {
  const realm: CookieRealm = owner.kind
  const hasFactor = await hasSecondFactor(db, owner)
  const token = request.cookies[REMEMBER_COOKIES[realm]]
  const rememberedBrowser =
    hasFactor && token !== undefined && token.length <= 100
      ? await isRememberedBrowser(db, owner, token, now)
      : false
  return secondFactorStep({ hasFactor, rememberedBrowser, required })
}

export interface SecondFactorAnswer {
  owner: SessionOwner
  practiceId: number
  sessionId: number
  ip: string
  actor: Actor
}

/**
 * Who is answering the second step of a sign-in — a patient (`portal`) or a staff member
 * (`office`) — from this request and session: the session's owner, the counters' address, the
 * audit's actor.
 */
export function answering(
  kind: CookieRealm,
  request: Pick<FastifyRequest, 'ip'>,
  person: { id: number; practice_id: number },
  session: { id: number },
): SecondFactorAnswer {
  const [owner, actor]: [SessionOwner, Actor] =
    kind === 'portal'
      ? [
          { kind, portalUserId: person.id },
          { type: 'portal_user', portalUserId: person.id },
        ]
      : [
          { kind, staffUserId: person.id },
          { type: 'staff_user', staffUserId: person.id },
        ]
  return {
    owner,
    practiceId: person.practice_id,
    sessionId: session.id,
    ip: clientAddress(request),
    actor,
  }
}

function counters(owner: SessionOwner, ip: string): Counter[] {
  const who = owner.kind === 'portal' ? owner.portalUserId : owner.staffUserId
  return [
    { rule: SIGN_IN_ADDRESS, key: ip },
    { rule: SECOND_FACTOR, key: `${owner.kind}:${who}` },
  ]
}

/**
 * The code step of sign-in: counted like a password before it is looked at (429 past the
 * limit), an app's code used once, a recovery code used up; on success the session is whole and,
 * when asked, this browser is remembered for 30 days. Every answer is audited.
 */
export async function answerSecondFactor(
  db: Database,
  secrets: SecretBox,
  http: { reply: FastifyReply; cookies: CookiePolicy },
  signIn: SecondFactorAnswer,
  answer: { code: string; remember: boolean },
) {
  await admitAnswer(db, http.reply, signIn)
  const method = await checkSecondFactorCode(db, secrets, signIn.owner, answer.code)
  if (!method) return refuseAnswer(db, signIn, 'wrong-code')
  return secondFactorOutcome(db, http, signIn, { method, remember: answer.remember })
}

/**
 * Counts an answer like a password, before it is looked at: 429 past the address's or the
 * person's limit.
 */
async function admitAnswer(db: Database, reply: FastifyReply, signIn: SecondFactorAnswer) {
  const { owner, practiceId, ip, actor } = signIn
  const [address, person] = counters(owner, ip) as [Counter, Counter]
  await admitAttempt(db, reply, [address, person], {
    practiceId,
    action: `${owner.kind}.second_factor_throttled`,
    ip,
    actor,
  })
}

/** Audits a wrong answer and refuses it, saying what was wrong. */
async function refuseAnswer(
  db: Database,
  signIn: SecondFactorAnswer,
  reason: 'wrong-code' | 'wrong-passkey',
): Promise<never> {
  const { owner, practiceId, ip, actor } = signIn
  const action = `${owner.kind}.second_factor`
  await recordAudit(db, { practiceId, actor, action, ip, outcome: 'failure', details: { reason } })
  if (reason === 'wrong-passkey') {
    throw new Invalid('That passkey could not be used. Please try again or type a code.')
  }
  throw new Invalid('That code is not right.', { code: 'That code is not right.' })
}

/** The second-factor step answered with one of the person's passkeys instead of a code. */
export async function answerWithPasskey(
  db: Database,
  rp: RelyingParty,
  http: { reply: FastifyReply; cookies: CookiePolicy },
  signIn: SecondFactorAnswer,
  answer: { response: AuthenticationResponseJSON; remember: boolean },
) {
  const { owner, practiceId } = signIn
  await admitAnswer(db, http.reply, signIn)
  const challenge = { practiceId, realm: owner.kind, purpose: 'second-factor' as const, owner }
  const passed = await checkPasskey(db, rp, challenge, answer.response)
  if (!passed) return refuseAnswer(db, signIn, 'wrong-passkey')
  return secondFactorOutcome(db, http, signIn, { method: 'passkey', remember: answer.remember })
}

/** A right answer: the session is whole and, when asked, the browser remembered. */
async function secondFactorOutcome<Method extends string>(
  db: Database,
  http: { reply: FastifyReply; cookies: CookiePolicy },
  signIn: SecondFactorAnswer,
  answer: { method: Method; remember: boolean },
): Promise<Method> {
  const { owner, practiceId, ip, actor } = signIn
  const { method } = answer
  const [address, person] = counters(owner, ip) as [Counter, Counter]
  const audit = { practiceId, actor, action: `${owner.kind}.second_factor`, ip }
  await Promise.all([clearAttempts(db, person), refundAttempt(db, address)])
  await setSessionSecondFactorStep(db, signIn.sessionId, 'none')
  await recordAudit(db, { ...audit, details: { method, rememberBrowser: answer.remember } })
  if (answer.remember) {
    const token = await rememberBrowser(db, { owner, practiceId }, new Date())
    http.reply.setCookie(REMEMBER_COOKIES[owner.kind], token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: http.cookies.secure,
      maxAge: REMEMBER_BROWSER_DAYS * 86_400,
    })
  }
  return method
}

/**
 * "Sign in with a passkey": no user name, no password. Counted before it is checked, on the
 * address and on the passkey named (as a password is on its user name), audited either way.
 * Answers whose passkey signed; the caller opens the session, with nothing more owed.
 */
export async function signInWithPasskey(
  db: Database,
  rp: RelyingParty,
  reply: FastifyReply,
  attempt: { practiceId: number; realm: 'portal' | 'office'; ip: string },
  response: AuthenticationResponseJSON,
) {
  const { practiceId, realm, ip } = attempt
  const address = { rule: SIGN_IN_ADDRESS, key: ip }
  const passkey = { rule: SECOND_FACTOR, key: `passkey:${realm}:${response.id.slice(0, 200)}` }
  await admitAttempt(db, reply, [address, passkey], {
    practiceId,
    action: `${realm}.sign_in_throttled`,
    ip,
  })
  const challenge = { practiceId, realm, purpose: 'sign-in' as const }
  const passed = await checkPasskey(db, rp, challenge, response)
  if (!passed) {
    await recordAudit(db, {
      practiceId,
      actor: { type: 'anonymous' },
      action: `${realm}.passkey_sign_in`,
      outcome: 'failure',
      ip,
    })
    throw new Invalid('That passkey could not sign you in. Please try again or use your password.')
  }
  await Promise.all([clearAttempts(db, passkey), refundAttempt(db, address)])
  return passed.owner
}
