import { expect, it } from 'vitest'
import { hasAccess, missingForAccess } from './rules.ts'

const complete = {
  first_name: 'Ana',
  last_name: 'Silva',
  birthdate: '1990-01-02',
  address1: '1 Main St',
  city: 'Guelph',
}

it('needs name, address and birthdate on file before giving access', () => {
  expect(missingForAccess(complete)).toEqual([])
  expect(missingForAccess({ ...complete, birthdate: null, city: ' ' })).toEqual([
    'address',
    'birthdate',
  ])
})

it('counts removed access as no access', () => {
  expect(hasAccess({ portal_user_id: 3, removed_at: null })).toBe(true)
  expect(hasAccess({ portal_user_id: 3, removed_at: new Date() })).toBe(false)
  expect(hasAccess({ portal_user_id: null, removed_at: null })).toBe(false)
})
