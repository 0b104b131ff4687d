import { describe, expect, it } from 'vitest'
import { composeDate, dateParts, monthNames, partOrder } from './birthdate.ts'

const TODAY = '2026-12-03'

describe('a birthdate typed as day, named month and year', () => {
  it('composes the ISO date, padding day and month', () => {
    expect(composeDate({ day: '7', month: '5', year: '1985' }, TODAY)).toEqual({
      date: '1985-05-07',
    })
    expect(composeDate({ day: ' 29 ', month: '2', year: '1980' }, TODAY)).toEqual({
      date: '1980-02-29',
    })
  })

  it('says what is wrong instead of guessing', () => {
    expect(composeDate({ day: '', month: '5', year: '1985' }, TODAY)).toEqual({
      problem: 'incomplete',
    })
    expect(composeDate({ day: '7', month: '', year: '1985' }, TODAY)).toEqual({
      problem: 'incomplete',
    })
    expect(composeDate({ day: '31', month: '4', year: '1985' }, TODAY)).toEqual({ problem: 'day' })
    expect(composeDate({ day: '29', month: '2', year: '1981' }, TODAY)).toEqual({ problem: 'day' })
    expect(composeDate({ day: '0', month: '1', year: '1981' }, TODAY)).toEqual({ problem: 'day' })
    expect(composeDate({ day: '1a', month: '1', year: '1981' }, TODAY)).toEqual({ problem: 'day' })
    expect(composeDate({ day: '1', month: '1', year: '85' }, TODAY)).toEqual({ problem: 'year' })
    expect(composeDate({ day: '1', month: '1', year: '1899' }, TODAY)).toEqual({ problem: 'year' })
    expect(composeDate({ day: '4', month: '12', year: '2026' }, TODAY)).toEqual({
      problem: 'future',
    })
    expect(composeDate({ day: '3', month: '12', year: '2026' }, TODAY)).toEqual({
      date: '2026-12-03',
    })
  })

  it('splits an ISO date back into its parts', () => {
    expect(dateParts('1985-05-07')).toEqual({ day: '7', month: '5', year: '1985' })
    expect(dateParts('')).toEqual({ day: '', month: '', year: '' })
    expect(dateParts('07/05/1985')).toEqual({ day: '', month: '', year: '' })
  })

  it('orders the fields as the reader writes dates, English Canada day first', () => {
    expect(partOrder(['en-US'])).toEqual(['month', 'day', 'year'])
    expect(partOrder(['en-CA'])).toEqual(['day', 'month', 'year'])
    expect(partOrder(['es-MX'])).toEqual(['day', 'month', 'year'])
    expect(partOrder(['fr-CA'])).toEqual(['year', 'month', 'day'])
    expect(partOrder(['de-DE'])).toEqual(['day', 'month', 'year'])
  })

  it('names the months in the reader’s language', () => {
    expect(monthNames(['en-CA'])[6]).toBe('July')
    expect(monthNames(['es-MX'])[4]).toBe('mayo')
    expect(monthNames(['fr-CA'])[1]).toBe('février')
  })
})
