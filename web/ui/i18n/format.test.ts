import { describe, expect, it } from 'vitest'
import {
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatMoney,
  formatTime,
} from './format.ts'

// 7 March 2025, 14:30 UTC: day and month differ, so their order is visible.
const instant = new Date('2025-03-07T14:30:00Z')

describe('formatDate', () => {
  it('writes English (Canada) as dd/mm/yyyy, not Intl’s ISO default', () => {
    expect(formatDate(instant, ['en-CA'], 'UTC')).toBe('07/03/2025')
  })

  it('writes English (US) as mm/dd/yyyy', () => {
    expect(formatDate(instant, ['en-US'], 'UTC')).toBe('03/07/2025')
  })

  it('writes German as dd.mm.yyyy', () => {
    expect(formatDate(instant, ['de-DE'], 'UTC')).toBe('07.03.2025')
  })

  it('follows the first locale the browser prefers', () => {
    expect(formatDate(instant, ['en-CA', 'en-US'], 'UTC')).toBe('07/03/2025')
    expect(formatDate(instant, ['en-US', 'en-CA'], 'UTC')).toBe('03/07/2025')
  })

  it('leaves French (Canada) in its own year-first order', () => {
    expect(formatDate(instant, ['fr-CA'], 'UTC')).toBe('2025-03-07')
  })

  it('puts an instant on the day it is in the given time zone', () => {
    const lateEvening = new Date('2025-03-08T02:00:00Z')
    expect(formatDate(lateEvening, ['en-CA'], 'America/Toronto')).toBe('07/03/2025')
    expect(formatDate(lateEvening, ['en-CA'], 'UTC')).toBe('08/03/2025')
  })

  it('accepts the API’s ISO strings', () => {
    expect(formatDate('2025-03-07T14:30:00Z', ['en-US'], 'UTC')).toBe('03/07/2025')
  })

  it('refuses something that is not a date', () => {
    expect(() => formatDate('soon', ['en-US'])).toThrow(RangeError)
  })
})

describe('formatCalendarDate', () => {
  it('never shifts a birthdate into the previous day, whatever the time zone', () => {
    expect(formatCalendarDate('1980-01-01', ['en-CA'])).toBe('01/01/1980')
    expect(formatCalendarDate('1980-12-31', ['en-US'])).toBe('12/31/1980')
    expect(formatCalendarDate('1980-12-31', ['de-DE'])).toBe('31.12.1980')
  })

  it('refuses anything but YYYY-MM-DD', () => {
    expect(() => formatCalendarDate('31/12/1980', ['en-CA'])).toThrow(RangeError)
  })
})

describe('formatTime and formatDateTime', () => {
  it('uses the reader’s clock', () => {
    expect(formatTime(instant, ['de-DE'], 'UTC')).toBe('14:30')
    expect(formatTime(instant, ['en-US'], 'UTC')).toMatch(/^2:30\s?PM$/)
  })

  it('joins the date and time', () => {
    expect(formatDateTime(instant, ['de-DE'], 'UTC')).toBe('07.03.2025, 14:30')
  })
})

describe('formatMoney', () => {
  it('formats integer cents in the practice’s currency', () => {
    expect(formatMoney(123_456, 'CAD', ['en-CA'])).toBe('$1,234.56')
    expect(formatMoney(123_456, 'USD', ['en-US'])).toBe('$1,234.56')
    expect(formatMoney(123_456, 'EUR', ['de-DE'])).toMatch(/^1\.234,56\s€$/)
  })

  it('names a foreign currency so it cannot be mistaken for the reader’s own', () => {
    expect(formatMoney(5_000, 'USD', ['en-CA'])).toBe('US$50.00')
  })

  it('handles currencies without minor units', () => {
    expect(formatMoney(1_500, 'JPY', ['en-US'])).toBe('¥1,500')
  })
})
