import { describe, expect, it } from 'vitest'
import { DEFAULT_LOCALE, preferredLocales } from './locale.ts'

describe('preferredLocales', () => {
  it('keeps the browser’s order', () => {
    expect(preferredLocales(['en-CA', 'fr-CA', 'en'])).toEqual(['en-CA', 'fr-CA', 'en'])
  })

  it('falls back to English when the browser states nothing', () => {
    expect(preferredLocales(undefined)).toEqual([DEFAULT_LOCALE])
    expect(preferredLocales([])).toEqual([DEFAULT_LOCALE])
  })

  it('drops tags Intl cannot read instead of failing', () => {
    expect(preferredLocales(['not a locale!', 'de-DE'])).toEqual(['de-DE'])
  })

  it('canonicalizes the case of tags', () => {
    expect(preferredLocales(['EN-ca'])).toEqual(['en-CA'])
  })
})
