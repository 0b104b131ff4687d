import { describe, expect, it } from 'vitest'
import { formatDuration } from './duration.ts'
import { englishT } from './testing.ts'

describe('formatDuration', () => {
  const t = englishT()
  it('says minutes, hours or both, with plurals from the catalog', () => {
    expect(formatDuration(30, t)).toBe('30 minutes')
    expect(formatDuration(1, t)).toBe('1 minute')
    expect(formatDuration(0, t)).toBe('0 minutes')
    expect(formatDuration(60, t)).toBe('1 hour')
    expect(formatDuration(120, t)).toBe('2 hours')
    expect(formatDuration(90, t)).toBe('1 hour 30 minutes')
    expect(formatDuration(61, t)).toBe('1 hour 1 minute')
  })

  it('refuses what is not a whole number of minutes', () => {
    expect(() => formatDuration(-1, t)).toThrow(RangeError)
    expect(() => formatDuration(1.5, t)).toThrow(RangeError)
  })
})
