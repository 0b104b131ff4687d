import { describe, expect, it } from 'vitest'
import { refundDecision } from './rules.ts'

describe('refundDecision', () => {
  const pending = { status: 'Pending', amount_cents: 4_550 }

  it('refunds the whole payment unless an amount is given', () => {
    expect(refundDecision(pending, undefined)).toEqual({ kind: 'refund', amountCents: 4_550 })
    expect(refundDecision({ ...pending, status: 'Posted' }, 1_000)).toEqual({
      kind: 'refund',
      amountCents: 1_000,
    })
  })

  it('refuses more than was paid', () => {
    expect(refundDecision(pending, 4_551)).toMatchObject({ kind: 'refused', reason: 'too-much' })
  })

  it('refuses a payment refunded already or declined', () => {
    expect(refundDecision({ ...pending, status: 'Refunded' }, undefined)).toMatchObject({
      kind: 'refused',
      message: 'This payment has already been refunded.',
    })
    expect(refundDecision({ ...pending, status: 'Declined' }, undefined)).toMatchObject({
      reason: 'not-refundable',
    })
  })
})
