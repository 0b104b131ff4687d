import { describe, expect, it } from 'vitest'
import { tabKey, tabVariant } from './serve-tab.ts'

describe('tabKey', () => {
  it('differs for every practice, patient and query, never shared by two', () => {
    const keys = [
      tabKey('plans-tab', 1, 12, null),
      tabKey('plans-tab', 11, 2, null),
      tabKey('plans-tab', 1, 1, 2),
      tabKey('plans-tab', 1, 12, 1),
      tabKey('plans-tab', 1, 12, '1'),
      tabKey('account-tab', 1, 12, null),
    ]
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe('tabVariant', () => {
  it('changes with any value of the context, and with its type', () => {
    const base = { currency: 'CAD', holderName: 'Maria Garcia', isSelectedPatient: true }
    const variants = [
      base,
      { ...base, currency: 'USD' },
      { ...base, holderName: 'Maria  Garcia' },
      { ...base, isSelectedPatient: false },
      { ...base, isSelectedPatient: 'true' },
    ].map(tabVariant)
    expect(new Set(variants).size).toBe(variants.length)
    expect(tabVariant({ ...base })).toBe(variants[0])
  })
})
