import { describe, expect, it } from 'vitest'
import { localeForReader } from './reader-locale.ts'

describe('localeForReader', () => {
  it("keeps the region of the browser's first tag in the portal's language", () => {
    expect(localeForReader({ 'accept-language': 'en-CA,en;q=0.9,fr-CA;q=0.8' })).toBe('en-CA')
    expect(localeForReader({ 'accept-language': 'fr;q=0.5, es-MX;q=0.9' })).toBe('es-MX')
  })

  it('follows the language the reader chose over the browser', () => {
    const headers = { 'accept-language': 'en-US,es-MX;q=0.5', cookie: 'bitewing-language=es' }
    expect(localeForReader(headers)).toBe('es-MX')
    expect(localeForReader({ ...headers, 'accept-language': 'en-US' })).toBe('es')
  })

  it('falls back to English (US) for a language the portal does not speak, or none', () => {
    expect(localeForReader({ 'accept-language': '*;q=1, de-ch;q=0.5' })).toBe('en-US')
    expect(localeForReader({})).toBe('en-US')
    expect(localeForReader({ 'accept-language': 'not a tag!!, en;q=0' })).toBe('en-US')
  })
})
