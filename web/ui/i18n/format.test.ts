import { describe, expect, it } from 'vitest'
import {
  calendarDayIn,
  firstDayOfWeek,
  formatAddress,
  formatAppointmentDate,
  formatCalendarDate,
  formatClockRange,
  formatClockTime,
  formatDate,
  formatDateTime,
  formatMinutes,
  formatMoney,
  formatTime,
  formatTimeZoneName,
  formatWeekday,
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
  // A birthdate is never shifted into the previous day, whatever the time zone.
  it.each([
    { birthdate: '1980-01-01', locale: 'en-CA', shown: '01/01/1980' },
    { birthdate: '1980-12-31', locale: 'en-US', shown: '12/31/1980' },
    { birthdate: '1980-12-31', locale: 'de-DE', shown: '31.12.1980' },
  ])('shows $birthdate in $locale as $shown', ({ birthdate, locale, shown }) => {
    expect(formatCalendarDate(birthdate, [locale])).toBe(shown)
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

describe('formatWeekday', () => {
  it('names the day in the reader’s language, 0 being Sunday', () => {
    expect(formatWeekday(0, ['en-US'])).toBe('Sunday')
    expect(formatWeekday(1, ['en-CA'])).toBe('Monday')
    expect(formatWeekday(6, ['de-DE'])).toBe('Samstag')
    expect(formatWeekday(3, ['fr-CA'])).toBe('mercredi')
  })

  it('refuses a number that is not a weekday', () => {
    expect(() => formatWeekday(7, ['en-US'])).toThrow(RangeError)
    expect(() => formatWeekday(1.5, ['en-US'])).toThrow(RangeError)
  })
})

describe('formatClockTime and formatClockRange', () => {
  it('shows a wall-clock time with the reader’s clock, whatever the time zone', () => {
    expect(formatClockTime('08:00', ['de-DE'])).toBe('8:00')
    expect(formatClockTime('17:30', ['en-US'])).toMatch(/^5:30\s?PM$/)
    expect(formatClockTime('00:00', ['en-US'])).toMatch(/^12:00\s?AM$/)
  })

  it('joins opening and closing times', () => {
    expect(formatClockRange('08:00', '17:00', ['de-DE'])).toBe('8:00 – 17:00')
  })

  it('refuses anything but HH:MM', () => {
    expect(() => formatClockTime('8 am', ['en-US'])).toThrow(RangeError)
    expect(() => formatClockTime('24:00', ['en-US'])).toThrow(RangeError)
  })
})

describe('formatTimeZoneName', () => {
  it('gives the everyday name of the zone', () => {
    expect(formatTimeZoneName('America/Chicago', ['en-US'])).toBe('Central Time')
  })

  it('says nothing for a zone Intl does not know', () => {
    expect(formatTimeZoneName('Not/AZone', ['en-US'])).toBeUndefined()
  })
})

describe('firstDayOfWeek', () => {
  it('starts the week on Sunday in the US and Monday in Germany', () => {
    expect(firstDayOfWeek(['en-US'])).toBe(0)
    expect(firstDayOfWeek(['de-DE'])).toBe(1)
  })
})

describe('formatAppointmentDate', () => {
  // 2 May 2026, 14:00 in Chicago (19:00 UTC).
  const visit = '2026-05-02T19:00:00Z'

  it('names the weekday and writes the day in the reader’s order', () => {
    expect(formatAppointmentDate(visit, 'America/Chicago', ['en-US'])).toBe('Saturday, 05/02/2026')
    expect(formatAppointmentDate(visit, 'America/Chicago', ['en-CA'])).toBe('Saturday, 02/05/2026')
    expect(formatAppointmentDate(visit, 'America/Chicago', ['de-DE'])).toBe('Samstag, 02.05.2026')
  })

  it('takes the day from the clinic’s zone, not the browser’s', () => {
    // 03:00 UTC on 3 May is still the evening of 2 May in Chicago.
    expect(formatAppointmentDate('2026-05-03T03:00:00Z', 'America/Chicago', ['en-US'])).toBe(
      'Saturday, 05/02/2026',
    )
  })
})

describe('calendarDayIn', () => {
  it('gives the wall-calendar day in the zone', () => {
    expect(calendarDayIn('2026-05-03T03:00:00Z', 'America/Chicago')).toBe('2026-05-02')
    expect(calendarDayIn('2026-05-03T03:00:00Z', 'UTC')).toBe('2026-05-03')
  })
})

describe('formatMinutes', () => {
  it('writes minutes and hours in words', () => {
    expect(formatMinutes(30)).toBe('30 minutes')
    expect(formatMinutes(60)).toBe('1 hour')
    expect(formatMinutes(90)).toBe('1 hour 30 minutes')
    expect(formatMinutes(121)).toBe('2 hours 1 minute')
    expect(formatMinutes(0)).toBe('0 minutes')
  })
})

describe('formatCalendarDate and formatMoney for the tabs', () => {
  it('never shifts a statement date into a time zone', () => {
    expect(formatCalendarDate('2026-05-02', ['en-US'])).toBe('05/02/2026')
    expect(formatCalendarDate('2026-05-02', ['en-CA'])).toBe('02/05/2026')
    expect(formatCalendarDate('2026-05-02', ['de-DE'])).toBe('02.05.2026')
  })

  it('formats cents in the practice’s currency', () => {
    expect(formatMoney(12345, 'USD', ['en-US'])).toBe('$123.45')
    expect(formatMoney(-500, 'USD', ['en-US'])).toBe('-$5.00')
  })
})

describe('formatAddress', () => {
  it('names the country in the reader’s language, and leaves an unknown one out', () => {
    expect(formatAddress('24.48.0.1', 'CA', ['en-US'])).toBe('24.48.0.1, Canada')
    expect(formatAddress('24.48.0.1', 'CA', ['es-MX'])).toBe('24.48.0.1, Canadá')
    expect(formatAddress('127.0.0.1', null, ['en-US'])).toBe('127.0.0.1')
  })
})
