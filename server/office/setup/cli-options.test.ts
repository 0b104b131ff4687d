import { describe, expect, it } from 'vitest'
import { parseHoursOption } from './cli-options.ts'

describe('npm run setup --hours', () => {
  it('reads day ranges and single days, Sunday being 0', () => {
    expect(parseHoursOption('Mon-Wed 08:00-17:00, sat 09:00-12:30')).toEqual([
      { weekday: 1, opens: '08:00', closes: '17:00' },
      { weekday: 2, opens: '08:00', closes: '17:00' },
      { weekday: 3, opens: '08:00', closes: '17:00' },
      { weekday: 6, opens: '09:00', closes: '12:30' },
    ])
    expect(parseHoursOption('')).toEqual([])
  })

  it('says which part it cannot read', () => {
    expect(parseHoursOption('Mon-Fri 8-5')).toMatch(/"mon-fri 8-5" is not like/)
    expect(parseHoursOption('Fri-Mon 08:00-17:00')).toMatch(/in week order/)
    expect(parseHoursOption('Funday 08:00-17:00')).toMatch(/not like/)
  })
})
