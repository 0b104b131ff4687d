import { describe, expect, it } from 'vitest'
import {
  emptyLocation,
  setupBodyOf,
  splitSetupErrors,
  suggestedCountry,
  tokenFromHash,
} from './setup-form.ts'

describe('setup form', () => {
  it('reads the token from the link fragment', () => {
    expect(tokenFromHash('#token=abc-_123')).toBe('abc-_123')
    expect(tokenFromHash('')).toBe('')
  })

  it('suggests the browser region as the country', () => {
    expect(suggestedCountry(['en-CA', 'fr'])).toBe('CA')
    expect(suggestedCountry(['fr'])).toBe('FR')
  })

  it('sends each location with its hours, and puts the server errors back on each', () => {
    const location = emptyLocation('a', 'Main')
    location.week[1] = [{ key: 'r1', opens: '09:00', closes: '17:00' }]
    const { body, rangeKeys } = setupBodyOf('t', {
      practice: { name: 'P', timeZone: 'UTC', country: 'CA', currency: 'CAD' },
      locations: [location],
      admin: { username: 'owner', displayName: 'Owner', password: 'pw', passwordAgain: 'pw' },
    })
    expect(body.locations).toEqual([
      expect.objectContaining({
        name: 'Main',
        phone: null,
        hours: [{ weekday: 1, opens: '09:00', closes: '17:00' }],
      }),
    ])
    const split = splitSetupErrors(
      {
        'admin.password': 'Too short',
        'locations.0.name': 'Name it',
        'locations.0.hours.0': 'Bad',
      },
      rangeKeys,
    )
    expect(split.fields).toEqual({ newPassword: 'Too short' })
    expect(split.locations[0]).toEqual({ fields: { name: 'Name it' }, ranges: { r1: 'Bad' } })
  })
})
