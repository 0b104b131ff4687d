import { describe, expect, it } from 'vitest'
import { secondsUntilRetry, usernameKey } from './throttle-rules.ts'

const now = new Date('2026-03-01T12:00:00Z')
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000)

describe('sign-in throttling', () => {
  it('lets attempts through below the limit', () => {
    expect(secondsUntilRetry([secondsAgo(10), secondsAgo(5)], 5, now)).toBe(0)
  })

  it('makes the fifth failure wait 30 seconds from the latest one', () => {
    const failures = [50, 40, 30, 20, 10].map(secondsAgo)
    expect(secondsUntilRetry(failures, 5, now)).toBe(20)
  })

  it('doubles the wait with each further failure, up to 15 minutes', () => {
    const seven = [70, 60, 50, 40, 30, 20, 0].map(secondsAgo)
    expect(secondsUntilRetry(seven, 5, now)).toBe(120)
    const many = Array.from({ length: 40 }, (_, index) => secondsAgo(index))
    expect(secondsUntilRetry(many, 5, now)).toBe(900)
  })

  it('ends the wait once it has passed', () => {
    const failures = [500, 400, 300, 200, 100].map(secondsAgo)
    expect(secondsUntilRetry(failures, 5, now)).toBe(0)
  })

  it('treats user names without regard to case or surrounding spaces', () => {
    expect(usernameKey(' Maria.Garcia ')).toBe('maria.garcia')
  })
})
