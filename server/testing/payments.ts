import { expect } from 'vitest'
import { TEST_ORIGIN } from './http.ts'
import type { TestApp } from './suite.ts'

/** A test card typed into the sandbox's own card page: the token the page posts to the form. */
export async function sandboxCardToken(suite: Pick<TestApp, 'app'>, number: string) {
  const response = await suite.app.inject({
    method: 'POST',
    url: '/sandbox-processor/tokens',
    payload: { number, expiry: '12/39', cvc: '123' },
    headers: { origin: TEST_ORIGIN },
  })
  expect(response.statusCode).toBe(201)
  return response.json().token as string
}
