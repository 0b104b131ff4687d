import { expect, it } from 'vitest'
import { addressLines, hourMinute } from './rules.ts'

it('prints an address as envelope lines, skipping missing parts', () => {
  expect(
    addressLines({
      address1: '12 Maple Grove Rd',
      address2: null,
      city: 'Guelph',
      region: 'ON',
      postal_code: 'N1H 3T4',
    }),
  ).toEqual(['12 Maple Grove Rd', 'Guelph, ON  N1H 3T4'])
  expect(
    addressLines({ address1: null, address2: ' ', city: null, region: null, postal_code: null }),
  ).toEqual([])
})

it('keeps hours and minutes of a database time', () => {
  expect(hourMinute('08:30:00')).toBe('08:30')
})
