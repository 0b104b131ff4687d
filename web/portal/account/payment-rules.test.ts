import { describe, expect, it } from 'vitest'
import { englishT } from '../../ui/i18n/testing.ts'
import portalEnglish from '../messages/en.json'
import { amountFieldProblem, amountText, cardFrameMessage, parseAmount } from './payment-rules.ts'

const t = englishT(portalEnglish)

describe('make payment in the browser', () => {
  it('reads amounts as whole cents', () => {
    expect(parseAmount('45.50')).toBe(4_550)
    expect(parseAmount('$45.5')).toBe(4_550)
    expect(parseAmount('1,200')).toBe(120_000)
    expect(parseAmount('0')).toBeNull()
    expect(parseAmount('12.345')).toBeNull()
    expect(parseAmount('-5')).toBeNull()
    expect(parseAmount('ten')).toBeNull()
    expect(amountText(4_550)).toBe('45.50')
  })

  it('says what is wrong with an amount before sending it', () => {
    expect(amountFieldProblem('45.50', 500_000, t)).toBeNull()
    expect(amountFieldProblem('', 500_000, t)).toMatch(/above zero/)
    expect(amountFieldProblem('5000.01', 500_000, t)).toMatch(/at most 5000\.00/)
  })

  it('takes card tokens only from a processor card page on its own origin', () => {
    const data = { source: 'sandbox-processor', token: 'sbx_pm_1', brand: 'Visa', last4: '4242' }
    const own = 'https://portal.example'
    expect(cardFrameMessage({ origin: own, data }, own)).toEqual({
      token: 'sbx_pm_1',
      brand: 'Visa',
      last4: '4242',
    })
    expect(cardFrameMessage({ origin: 'https://evil.example', data }, own)).toBeNull()
    expect(cardFrameMessage({ origin: own, data: { token: 'x' } }, own)).toBeNull()
    const stripe = { source: 'stripe-processor', token: 'pm_1', brand: 'Visa', last4: '4242' }
    expect(cardFrameMessage({ origin: own, data: stripe }, own)?.token).toBe('pm_1')
    expect(cardFrameMessage({ origin: own, data: { ...stripe, source: 'other' } }, own)).toBeNull()
  })
})
