import { describe, expect, it } from 'vitest'
import { acceptedLocale } from './reader-locale.ts'

describe('acceptedLocale', () => {
  it('takes the highest-ranked usable tag', () => {
    expect(acceptedLocale('en-CA,en;q=0.9,fr-CA;q=0.8')).toBe('en-CA')
    expect(acceptedLocale('fr;q=0.5, es-MX;q=0.9')).toBe('es-MX')
    expect(acceptedLocale('*;q=1, de-ch;q=0.5')).toBe('de-CH')
  })

  it('falls back to English (US) without a usable tag', () => {
    expect(acceptedLocale(undefined)).toBe('en-US')
    expect(acceptedLocale('')).toBe('en-US')
    expect(acceptedLocale('not a tag!!, en;q=0')).toBe('en-US')
  })
})
