import { describe, expect, it } from 'vitest'
import { sessionDeadline, sessionState, shouldTouch } from './session-rules.ts'

const start = new Date('2026-03-01T08:00:00Z')
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000)
const session = {
  lastSeenAt: start,
  expiresAt: at(12 * 60),
  idleTimeoutMinutes: 15,
  endedAt: null,
}

describe('session expiry', () => {
  it('is active until the idle time-out passes', () => {
    expect(sessionState(session, at(14))).toBe('active')
    expect(sessionState(session, at(15))).toBe('idle')
  })

  it('stays active with activity, but never beyond the absolute limit', () => {
    const busy = { ...session, lastSeenAt: at(12 * 60 - 1) }
    expect(sessionState(busy, at(12 * 60 - 0.5))).toBe('active')
    expect(sessionState(busy, at(12 * 60))).toBe('expired')
  })

  it('is over once signed out', () => {
    expect(sessionState({ ...session, endedAt: at(1) }, at(2))).toBe('ended')
  })

  it('reports the earlier of the idle and absolute deadlines', () => {
    expect(sessionDeadline(session)).toEqual(at(15))
    expect(sessionDeadline({ ...session, lastSeenAt: at(12 * 60 - 5) })).toEqual(at(12 * 60))
  })

  it('records activity at most once a minute', () => {
    expect(shouldTouch(start, at(0.5))).toBe(false)
    expect(shouldTouch(start, at(1))).toBe(true)
  })
})
