import { describe, expect, it } from 'vitest'
import { offersOnlinePayments, sameName, suggestedUsername, usernameProblem } from './rules.ts'

const setup = { featureOn: true, practiceProcessor: null, clinicsAcceptingPayments: 0 }

it('offers Make payment when the practice or any clinic takes payments online', () => {
  expect(offersOnlinePayments({ ...setup, practiceProcessor: 'stripe' }, true)).toBe(true)
  expect(offersOnlinePayments({ ...setup, clinicsAcceptingPayments: 1 }, true)).toBe(true)
  expect(offersOnlinePayments(setup, true)).toBe(false)
})

it('hides Make payment when the feature is off in Portal Settings', () => {
  expect(offersOnlinePayments({ ...setup, featureOn: false, practiceProcessor: 'x' }, true)).toBe(
    false,
  )
})

it('hides Make payment while the payment flow is not part of this build', () => {
  expect(offersOnlinePayments({ ...setup, practiceProcessor: 'stripe' }, false)).toBe(false)
})

describe('matching names for verification', () => {
  it('ignores case, accents and extra spaces', () => {
    expect(sameName('José  Núñez', 'jose nunez')).toBe(true)
    expect(sameName(' Zoë ', 'ZOE')).toBe(true)
    expect(sameName('Garcia-Lopez', 'garcia lopez')).toBe(true)
  })

  it('still tells different names apart', () => {
    expect(sameName('Maria', 'Mario')).toBe(false)
  })
})

describe('user names', () => {
  it('accepts letters, digits and a few separators', () => {
    expect(usernameProblem('maria.garcia')).toBeUndefined()
    expect(usernameProblem('m.garcia@home')).toBeUndefined()
  })

  it('refuses short, long and odd user names', () => {
    expect(usernameProblem('ab')).toMatch(/at least 3/)
    expect(usernameProblem('a'.repeat(41))).toMatch(/at most 40/)
    expect(usernameProblem('maria garcia')).toMatch(/letters, digits/)
    expect(usernameProblem('.maria')).toMatch(/letters, digits/)
  })

  it('suggests the first name without accents plus digits', () => {
    expect(suggestedUsername('Zoë Ann', '4821')).toBe('zoeann4821')
    expect(suggestedUsername('李', '12')).toBe('patient12')
  })
})
