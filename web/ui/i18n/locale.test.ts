import { describe, expect, it } from 'vitest'
import { DEFAULT_LOCALE, documentLanguage, localesForText, preferredLocales } from './locale.ts'

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

describe('documentLanguage', () => {
  it('keeps the browser’s English variant, region included', () => {
    expect(documentLanguage(['en-CA', 'fr-CA'])).toBe('en-CA')
  })

  it('skips languages the pages are not written in', () => {
    expect(documentLanguage(['de-DE', 'en-GB'], ['en'])).toBe('en-GB')
  })

  it('falls back to English when nothing matches', () => {
    expect(documentLanguage(['de-DE'])).toBe('en')
  })

  it('follows the text languages it is given', () => {
    expect(documentLanguage(['fr-CA', 'en'], ['en', 'fr'])).toBe('fr-CA')
  })
})

describe('localesForText', () => {
  it('writes dates in the page’s language, keeping the browser’s region for it', () => {
    expect(localesForText(['es-MX', 'en-US'], 'es')).toEqual(['es-MX'])
    expect(localesForText(['en-CA', 'fr-CA'], 'en')).toEqual(['en-CA'])
  })

  it('uses the language itself when the person chose one their browser does not state', () => {
    expect(localesForText(['en-CA'], 'es')).toEqual(['es'])
  })

  it('keeps a browser’s own locale when it speaks none of the pages’ languages', () => {
    expect(localesForText(['de-DE', 'de'], 'en')).toEqual(['de-DE', 'de'])
    expect(localesForText([], 'en')).toEqual(['en'])
  })
})
