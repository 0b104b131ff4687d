import { expect, it } from 'vitest'
import { hoursErrors } from './rules.ts'

it('accepts a split day and refuses reversed or overlapping hours', () => {
  expect(
    hoursErrors([
      { weekday: 1, opens: '08:00', closes: '12:00' },
      { weekday: 1, opens: '13:00', closes: '17:00' },
    ]),
  ).toEqual({})
  expect(hoursErrors([{ weekday: 2, opens: '17:00', closes: '09:00' }])).toHaveProperty('hours.0')
  expect(
    Object.keys(
      hoursErrors([
        { weekday: 3, opens: '08:00', closes: '12:00' },
        { weekday: 3, opens: '11:00', closes: '15:00' },
      ]),
    ),
  ).toEqual(['hours.0', 'hours.1'])
})
