import { describe, expect, it } from 'vitest'
import { parseRefundAmount } from './payments-api.ts'

describe('parseRefundAmount', () => {
  it('reads dollars and cents as cents', () => {
    expect(parseRefundAmount('45.50')).toBe(4_550)
    expect(parseRefundAmount('$45.5')).toBe(4_550)
    expect(parseRefundAmount('1,200')).toBe(120_000)
  })
  it('refuses nothing, zero and words', () => {
    expect(parseRefundAmount('')).toBeNull()
    expect(parseRefundAmount('0.00')).toBeNull()
    expect(parseRefundAmount('ten')).toBeNull()
  })
})
