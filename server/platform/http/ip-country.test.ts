import { describe, expect, it } from 'vitest'
import { countryOf } from './ip-country.ts'

describe('the country of an address', () => {
  it('is the country the address is registered in, IPv4 and IPv6', () => {
    expect(countryOf('8.8.8.8')).toBe('US')
    expect(countryOf('24.48.0.1')).toBe('CA')
    expect(countryOf('2001:4860:4860::8888')).toBe('US')
  })

  it('is none for private, loopback, missing or malformed addresses', () => {
    const nowhere = ['127.0.0.1', '10.0.0.1', '192.168.1.5', '172.20.0.9', 'fd00::1', '::1']
    for (const ip of [...nowhere, null, 'not an address']) {
      expect(countryOf(ip)).toBeNull()
    }
  })
})
