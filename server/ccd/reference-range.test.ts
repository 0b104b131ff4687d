import { describe, expect, it } from 'vitest'
import { parseReferenceRange } from './reference-range.ts'

describe('parseReferenceRange', () => {
  it('reads a range between two numbers, with a hyphen, a dash or "to"', () => {
    const both = { low: '70', high: '99', lowClosed: true, highClosed: true }
    expect(parseReferenceRange('70-99')).toEqual(both)
    expect(parseReferenceRange(' 70 – 99 ')).toEqual(both)
    expect(parseReferenceRange('70 to 99')).toEqual(both)
    expect(parseReferenceRange('4.0–5.6')).toMatchObject({ low: '4.0', high: '5.6' })
    expect(parseReferenceRange('-2-3')).toMatchObject({ low: '-2', high: '3' })
  })

  it('reads one-sided bounds, open or closed', () => {
    expect(parseReferenceRange('<5.7')).toEqual({ high: '5.7', lowClosed: true, highClosed: false })
    expect(parseReferenceRange('≤ 5.6')).toEqual({ high: '5.6', lowClosed: true, highClosed: true })
    expect(parseReferenceRange('>= 40')).toEqual({ low: '40', lowClosed: true, highClosed: true })
    expect(parseReferenceRange('> 40')).toEqual({ low: '40', lowClosed: false, highClosed: true })
  })

  it('leaves words, reversed ranges and nothing as text', () => {
    expect(parseReferenceRange('negative')).toBeUndefined()
    expect(parseReferenceRange('99-70')).toBeUndefined()
    expect(parseReferenceRange('')).toBeUndefined()
    expect(parseReferenceRange(null)).toBeUndefined()
  })
})
