import { describe, expect, it } from 'vitest'
import { ApiError } from './api.ts'
import { shouldRetry } from './query-client.ts'

const failure = (status: number) => new ApiError({ type: 'x', title: 'x', status })

describe('shouldRetry', () => {
  it('retries a lost connection or a server error once', () => {
    expect(shouldRetry(0, failure(0))).toBe(true)
    expect(shouldRetry(0, failure(503))).toBe(true)
    expect(shouldRetry(1, failure(503))).toBe(false)
  })

  it('does not retry what will fail the same way again', () => {
    expect(shouldRetry(0, failure(404))).toBe(false)
    expect(shouldRetry(0, new Error('bug'))).toBe(false)
  })
})
