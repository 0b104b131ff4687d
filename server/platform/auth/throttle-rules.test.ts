import { describe, expect, it } from 'vitest'
import {
  lockSchedule,
  lockSecondsAfter,
  SIGN_IN_NAME,
  secondsUntil,
  usernameKey,
} from './throttle-rules.ts'

describe('sign-in throttling', () => {
  it.each([1, 2, 3, 4])('lets attempt %d through: it is below the limit', (attempts) => {
    expect(lockSecondsAfter(attempts, SIGN_IN_NAME)).toBe(0)
  })

  // The fifth attempt waits 30 seconds, doubling with each further one up to 15 minutes.
  it.each([
    { attempts: 5, seconds: 30 },
    { attempts: 7, seconds: 120 },
    { attempts: 40, seconds: 900 },
  ])('makes attempt $attempts wait $seconds seconds', ({ attempts, seconds }) => {
    expect(lockSecondsAfter(attempts, SIGN_IN_NAME)).toBe(seconds)
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
