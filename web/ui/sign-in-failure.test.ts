import { describe, expect, it } from 'vitest'
import { ApiError } from './api.ts'
import { englishT } from './i18n/testing.ts'
import { signInFailureMessage as failure } from './sign-in-failure.ts'

const t = englishT()
const signInFailureMessage = (error: unknown) => failure(error, t)

const problem = (status: number, detail?: string) =>
  new ApiError({ type: '/problems/x', title: 'X', status, ...(detail ? { detail } : {}) })

describe('signInFailureMessage', () => {
  it('says honestly that a server without the sign-in endpoint cannot sign anyone in', () => {
    expect(signInFailureMessage(problem(404, 'Nothing was found at this address.'))).toContain(
      'Signing in is not available yet on this server.',
    )
  })

  it('passes on the server’s own wording for refused or throttled sign-ins', () => {
    expect(signInFailureMessage(problem(401, 'The user name or password is not right.'))).toBe(
      'The user name or password is not right.',
    )
    expect(signInFailureMessage(problem(429, 'Too many attempts.'))).toBe('Too many attempts.')
    expect(signInFailureMessage(problem(403))).toMatch(/try again/)
  })

  it('explains a missing connection', () => {
    expect(signInFailureMessage(problem(0, 'The server could not be reached.'))).toBe(
      'The server could not be reached. Check your connection and try again.',
    )
  })

  it('never shows a server error’s internals', () => {
    expect(signInFailureMessage(problem(500, 'stack trace here'))).not.toContain('stack')
  })

  it('copes with something that is not an API error', () => {
    expect(signInFailureMessage(new TypeError('x'))).toMatch(/try again/)
  })
})
