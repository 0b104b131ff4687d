import type { listFactors } from '../../platform/auth/second-factor/queries.ts'
import { sessionState } from '../../platform/auth/session-rules.ts'
import type { CountryOf } from '../../platform/http/ip-country.ts'
import type { openSessions, recentSignIns, recordViewsByOthers } from './queries.ts'
import { browserOf } from './rules.ts'

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>

export function presentSecurity(
  rows: {
    factors: Rows<typeof listFactors>
    recoveryCodesLeft: number
    required: boolean
    signIns: Rows<typeof recentSignIns>
    sessions: Rows<typeof openSessions>
    recordViews: Rows<typeof recordViewsByOthers>
  },
  currentSessionId: number,
  now: Date,
  countryOf: CountryOf,
) {
  return {
    factors: rows.factors.map((factor) => ({
      id: factor.id,
      kind: factor.kind === 'passkey' ? ('passkey' as const) : ('totp' as const),
      label: factor.label,
      createdAt: factor.created_at.toISOString(),
      lastUsedAt: factor.last_used_at?.toISOString() ?? null,
    })),
    recoveryCodesLeft: rows.recoveryCodesLeft,
    required: rows.required,
    signIns: rows.signIns.map((row) => ({
      at: row.occurred_at.toISOString(),
      action: row.action,
      outcome: row.outcome,
      ip: row.ip,
      country: countryOf(row.ip),
    })),
    sessions: rows.sessions
      .filter(
        (session) =>
          sessionState(
            {
              lastSeenAt: session.last_seen_at,
              expiresAt: session.expires_at,
              idleTimeoutMinutes: session.idle_timeout_minutes,
              endedAt: session.ended_at,
            },
            now,
          ) === 'active',
      )
      .map((session) => ({
        id: session.id,
        startedAt: session.created_at.toISOString(),
        lastSeenAt: session.last_seen_at.toISOString(),
        ip: session.ip,
        country: countryOf(session.ip),
        ...browserOf(session.user_agent),
        current: session.id === currentSessionId,
      })),
    recordViews: rows.recordViews.map((row) => ({
      at: row.occurred_at.toISOString(),
      viewer: `${row.viewer_first} ${row.viewer_last}`,
      patient: `${row.about_first} ${row.about_last}`,
      action: row.action,
    })),
  }
}
