import { describe, expect, it } from 'vitest'
import { offersOnlinePayments, sameName } from './rules.ts'

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
