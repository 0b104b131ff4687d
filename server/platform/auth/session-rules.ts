/** No session outlives this, however active (DESIGN: absolute expiry). */
export const ABSOLUTE_SESSION_HOURS = 12
/** Staff idle time-out; patients' comes from Portal Settings. */
export const OFFICE_IDLE_MINUTES = 30
/** Writing last_seen_at on every request is wasted I/O; a minute's precision is plenty. */
export const TOUCH_INTERVAL_SECONDS = 60

export interface SessionTimes {
  lastSeenAt: Date
  expiresAt: Date
  idleTimeoutMinutes: number
  endedAt: Date | null
}

export type SessionState = 'active' | 'ended' | 'idle' | 'expired'

export function sessionState(session: SessionTimes, now: Date): SessionState {
  if (session.endedAt) return 'ended'
  if (now >= session.expiresAt) return 'expired'
  const idleUntil = session.lastSeenAt.getTime() + session.idleTimeoutMinutes * 60_000
  if (now.getTime() >= idleUntil) return 'idle'
  return 'active'
}

/** When an active session would time out if nothing more happens: the idle or absolute limit. */
export function sessionDeadline(session: SessionTimes): Date {
  const idleUntil = session.lastSeenAt.getTime() + session.idleTimeoutMinutes * 60_000
  return new Date(Math.min(idleUntil, session.expiresAt.getTime()))
}

export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_SECONDS * 1000
}
