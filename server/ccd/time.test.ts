import { describe, expect, it } from 'vitest'
import { hl7Date, hl7Instant, localDate, readableDate, readableInstant } from './time.ts'

describe('hl7Date', () => {
  it('writes calendar dates at day precision without an offset', () => {
    expect(hl7Date('1991-01-15')).toBe('19910115')
  })

  it('refuses anything that is not a calendar date', () => {
    expect(() => hl7Date('15/01/1991')).toThrow(RangeError)
  })
})

describe('hl7Instant', () => {
  it('writes the wall-clock time in the zone with its offset', () => {
    expect(hl7Instant('2025-03-14T15:09:26Z', 'America/Chicago')).toBe('20250314100926-0500')
    expect(hl7Instant('2025-01-14T15:09:26Z', 'America/Chicago')).toBe('20250114090926-0600')
    expect(hl7Instant(new Date('2025-06-01T00:00:00Z'), 'UTC')).toBe('20250601000000+0000')
  })

  it('handles offsets that are not whole hours and the date line', () => {
    expect(hl7Instant('2025-06-01T00:00:00Z', 'Asia/Kathmandu')).toBe('20250601054500+0545')
    expect(hl7Instant('2025-06-01T23:30:00Z', 'Pacific/Kiritimati')).toBe('20250602133000+1400')
    expect(hl7Instant('2025-06-01T02:00:00Z', 'America/St_Johns')).toBe('20250531233000-0230')
  })

  it('follows daylight-saving changes to the minute', () => {
    // US spring forward 2025-03-09 at 02:00 local (07:00Z in New York).
    expect(hl7Instant('2025-03-09T06:59:00Z', 'America/New_York')).toBe('20250309015900-0500')
    expect(hl7Instant('2025-03-09T07:00:00Z', 'America/New_York')).toBe('20250309030000-0400')
  })

  it('refuses an invalid instant or zone', () => {
    expect(() => hl7Instant('not a date', 'UTC')).toThrow(RangeError)
    expect(() => hl7Instant('2025-01-01T00:00:00Z', 'Mars/Olympus')).toThrow(RangeError)
  })
})

describe('readable dates', () => {
  it('spells the month so the narrative is unambiguous in any locale', () => {
    expect(readableDate('2024-07-04')).toBe('July 4, 2024')
    expect(readableInstant('2025-03-14T15:09:26Z', 'America/Chicago')).toBe(
      'March 14, 2025 10:09 (UTC-05:00)',
    )
    expect(localDate('2025-03-15T03:00:00Z', 'America/Chicago')).toBe('2025-03-14')
  })
})
