import { describe, expect, it } from 'vitest'
import { weekOfHours } from './hours.ts'

describe('weekOfHours', () => {
  const hours = [
    { weekday: 1, opens: '13:00', closes: '17:00' },
    { weekday: 1, opens: '08:00', closes: '12:00' },
    { weekday: 6, opens: '08:00', closes: '12:00' },
  ]

  it('lists all seven days from the given first day, closed days included', () => {
    const week = weekOfHours(hours, 0)
    expect(week.map((day) => day.weekday)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(week[0]?.spans).toEqual([])
    expect(week[6]?.spans).toEqual([{ opens: '08:00', closes: '12:00' }])
  })

  it('starts on Monday unless told otherwise', () => {
    expect(weekOfHours(hours).map((day) => day.weekday)).toEqual([1, 2, 3, 4, 5, 6, 0])
  })

  it('puts a day’s spans in time order', () => {
    expect(weekOfHours(hours)[0]?.spans).toEqual([
      { opens: '08:00', closes: '12:00' },
      { opens: '13:00', closes: '17:00' },
    ])
  })
})
