import { describe, expect, it } from 'vitest'
import {
  addressLines,
  hourMinute,
  npiProblem,
  suggestedUsername,
  summariesReady,
  usernameProblem,
} from './rules.ts'

describe('user names', () => {
  it.each(['maria.garcia', 'm.garcia@home'])(
    'accepts %s: letters, digits and a few separators',
    (name) => {
      expect(usernameProblem(name)).toBeUndefined()
    },
  )

  it.each([
    { name: 'ab', problem: /at least 3/ },
    { name: 'a'.repeat(41), problem: /at most 40/ },
    { name: 'maria garcia', problem: /letters, digits/ },
    { name: '.maria', problem: /letters, digits/ },
  ])('refuses “$name”: $problem', ({ name, problem }) => {
    expect(usernameProblem(name)).toMatch(problem)
  })

  it('suggests the first name without accents plus digits', () => {
    expect(suggestedUsername('Zoë Ann', '4821')).toBe('zoeann4821')
    expect(suggestedUsername('李', '12')).toBe('patient12')
  })
})

it('prints an address as envelope lines, skipping missing parts', () => {
  expect(
    addressLines({
      address1: '12 Maple Grove Rd',
      address2: null,
      city: 'Guelph',
      region: 'ON',
      postal_code: 'N1H 3T4',
    }),
  ).toEqual(['12 Maple Grove Rd', 'Guelph, ON  N1H 3T4'])
  expect(
    addressLines({ address1: null, address2: ' ', city: null, region: null, postal_code: null }),
  ).toEqual([])
})

it('keeps hours and minutes of a database time', () => {
  expect(hourMinute('08:30:00')).toBe('08:30')
})

it('needs both SNOMED CT and CVX for care summaries', () => {
  expect(summariesReady(['CVX'])).toBe(false)
  expect(summariesReady(['SNOMEDCT', 'CVX'])).toBe(true)
})

describe('NPI', () => {
  it('accepts an NPI whose check digit matches (CMS example 1234567893)', () => {
    expect(npiProblem('1234567893')).toBeUndefined()
    expect(npiProblem('1245319599')).toBeUndefined()
  })

  it('refuses a mistyped digit, swapped digits and anything not ten digits', () => {
    expect(npiProblem('1234567894')).toMatch(/check digit/)
    expect(npiProblem('1234567839')).toMatch(/check digit/)
    expect(npiProblem('123456789')).toMatch(/10 digits/)
    expect(npiProblem('12345678930')).toMatch(/10 digits/)
    expect(npiProblem('12345 7893')).toMatch(/10 digits/)
  })
})
