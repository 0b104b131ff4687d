import { describe, expect, it } from 'vitest'
import {
  lockSchedule,
  lockSecondsAfter,
  SIGN_IN_NAME,
  secondsUntil,
  usernameKey,
} from './throttle-rules.ts'

describe('sign-in throttling', () => {
  it('lets attempts through below the limit', () => {
    expect([1, 2, 3, 4].map((attempts) => lockSecondsAfter(attempts, SIGN_IN_NAME))).toEqual([
      0, 0, 0, 0,
    ])
  })

  it('makes the fifth attempt wait 30 seconds, doubling with each further one up to 15 minutes', () => {
    expect(lockSecondsAfter(5, SIGN_IN_NAME)).toBe(30)
    expect(lockSecondsAfter(7, SIGN_IN_NAME)).toBe(120)
    expect(lockSecondsAfter(40, SIGN_IN_NAME)).toBe(900)
  })

  it('writes the waits as an array the counting statement indexes by count', () => {
    expect(lockSchedule(SIGN_IN_NAME)).toBe('{0,0,0,0,30,60,120,240,480,900}')
  })

  it('never asks a client to retry in 0 seconds', () => {
    const now = new Date('2026-03-01T12:00:00Z')
    expect(secondsUntil(new Date(now.getTime() + 1500), now)).toBe(2)
    expect(secondsUntil(now, now)).toBe(1)
  })

  it('treats user names without regard to case or surrounding spaces', () => {
    expect(usernameKey(' Maria.Garcia ')).toBe('maria.garcia')
  })
})
