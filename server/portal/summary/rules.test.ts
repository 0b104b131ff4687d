import { expect, it } from 'vitest'
import { uuidOid } from './package.ts'
import { addressProblem, summaryFileBase, transmissionStatus } from './rules.ts'

it('accepts plain email and Direct addresses and explains the rest', () => {
  expect(addressProblem('dentist@example.org', 'email')).toBeUndefined()
  expect(addressProblem('dr.smith@direct.clinic.example.org', 'direct')).toBeUndefined()
  expect(addressProblem('', 'email')).toBe('Enter an email address.')
  for (const bad of [
    'a@b',
    'no-at.example.org',
    'a@@b.org',
    'a b@c.org',
    'a..b@c.org',
    '.a@c.org',
  ]) {
    expect(addressProblem(bad, 'email'), bad).toMatch(/like name@example.org/)
  }
  expect(addressProblem('x@y', 'direct')).toMatch(/Direct address/)
  expect(addressProblem(`${'a'.repeat(65)}@example.org`, 'email')).toBeDefined()
})

it('names files by the date in the practice zone, never by the patient', () => {
  const late = new Date('2025-03-15T03:00:00Z')
  expect(summaryFileBase(late, 'America/Chicago')).toBe('care-summary-2025-03-14')
  expect(summaryFileBase(late, 'UTC')).toBe('care-summary-2025-03-15')
})

it('shows queued and retrying emails as pending', () => {
  expect(transmissionStatus('queued')).toBe('pending')
  expect(transmissionStatus('sent')).toBe('sent')
  expect(transmissionStatus('failed')).toBe('failed')
})

it('turns UUIDs into OIDs under 2.25 for XDS unique ids', () => {
  expect(uuidOid('00000000-0000-0000-0000-000000000010')).toBe('2.25.16')
})
