import type { Database } from '../db/database.ts'
import { updateRowById } from '../db/rows.ts'
import { ABSOLUTE_SESSION_HOURS, sessionState, shouldTouch } from './session-rules.ts'
import { hashToken, newToken } from './tokens.ts'

export type SessionOwner =
  | { kind: 'portal'; portalUserId: number }
  | { kind: 'office'; staffUserId: number }

export interface NewSession {
  practiceId: number
  owner: SessionOwner
  idleTimeoutMinutes: number
  ip: string
  userAgent: string | undefined
  /** What a password-only sign-in still owes before the session can do anything else. */
  secondFactorStep?: 'none' | 'answer' | 'enroll'
}

/** Starts a session and returns the token for the cookie; only its hash is stored. */
export async function createSession(db: Database, session: NewSession, now = new Date()) {
  const token = newToken()
  await db
    .insertInto('sessions')
    .values({
      practice_id: session.practiceId,
      token_hash: hashToken(token),
      portal_user_id: session.owner.kind === 'portal' ? session.owner.portalUserId : null,
      staff_user_id: session.owner.kind === 'office' ? session.owner.staffUserId : null,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + ABSOLUTE_SESSION_HOURS * 3_600_000),
      idle_timeout_minutes: session.idleTimeoutMinutes,
      ip: session.ip,
      user_agent: session.userAgent?.slice(0, 300) ?? null,
      second_factor_step: session.secondFactorStep ?? 'none',
    })
    .execute()
  return token
}

export type ActiveSession = NonNullable<Awaited<ReturnType<typeof findSessionRow>>>

function findSessionRow(db: Database, token: string) {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst()
}

/**
 * The session a cookie names, if it is still active; records the activity (idle time-out).
 * An idle or expired session is ended on the spot so it cannot be revived.
 */
export async function resumeSession(db: Database, token: string, now = new Date()) {
  const row = await findSessionRow(db, token)
  return row ? continueSession(db, row, now) : undefined
}

/**
 * The same decision for a session row read by another query (the portal guard reads the session
 * with its user and settings in one round trip): the row if still active, else ends it.
 */
export async function continueSession<Row extends ActiveSession>(
  db: Database,
  row: Row,
  now = new Date(),
): Promise<Row | undefined> {
  const state = sessionState(
    {
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      idleTimeoutMinutes: row.idle_timeout_minutes,
      endedAt: row.ended_at,
    },
    now,
  )
  if (state !== 'active') {
    if (!row.ended_at) await endSession(db, row.id, now)
    return undefined
  }
  if (!shouldTouch(row.last_seen_at, now)) return row
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute()
  // A copy: the row may be a cached read that other requests share.
  return { ...row, last_seen_at: now }
}

/** Whose open sessions end: one session, or everyone signed in as a portal user or staff member. */
export type SessionsToEnd = { id: number } | { portal_user_id: number } | { staff_user_id: number }

/**
 * Ends the open sessions that match, all but `except` (the browser the person is using), and
 * answers how many ended. Ending a person's sessions (password changed or reset, access removed,
 * "sign out everywhere else") also forgets the browsers they asked to be remembered: the next
 * sign-in anywhere asks for the second factor again.
 */
export async function endSessions(
  db: Database,
  which: SessionsToEnd,
  { now = new Date(), except }: { now?: Date; except?: number } = {},
): Promise<number> {
  const [column, value] = Object.entries(which)[0] as [keyof SessionsToEnd, number]
  let query = db
    .updateTable('sessions')
    .set({ ended_at: now })
    .where(column as 'id', '=', value)
    .where('ended_at', 'is', null)
  if (except !== undefined) query = query.where('id', '<>', except)
  const ended = await query.executeTakeFirst()
  if (column !== 'id') {
    await db
      .deleteFrom('remembered_browsers')
      .where(column as 'portal_user_id', '=', value)
      .execute()
  }
  return Number(ended.numUpdatedRows)
}

export async function endSession(db: Database, sessionId: number, now = new Date()) {
  await endSessions(db, { id: sessionId }, { now })
}

/** Signs a portal user out everywhere (access removed, password reset by the office). */
export async function endPortalUserSessions(db: Database, portalUserId: number, now = new Date()) {
  await endSessions(db, { portal_user_id: portalUserId }, { now })
}

export async function markPersonalInfoVerified(db: Database, sessionId: number, now = new Date()) {
  await updateRowById(db, 'sessions', sessionId, { personal_info_verified_at: now })
}
