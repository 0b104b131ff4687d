import { expect } from 'vitest'
import type { Database } from '../platform/db/database.ts'
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

/** Turns Make payments on for the practice, through the sandbox processor (test cards only). */
export async function turnOnSandboxPayments(db: Database, practiceId: number) {
  await db
    .insertInto('portal_settings')
    .values({ practice_id: practiceId, feature_make_payments: true, payment_processor: 'sandbox' })
    .onConflict((conflict) =>
      conflict
        .column('practice_id')
        .doUpdateSet({ feature_make_payments: true, payment_processor: 'sandbox' }),
    )
    .execute()
}
