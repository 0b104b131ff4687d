import { describe, expect, it } from 'vitest'
import { ApiError } from '../ui/api.ts'
import {
  actionFailureMessage,
  emailKindLabel,
  emailStatusLabel,
  endsSession,
  fullName,
  listName,
  missingDataSentence,
  patientStatusLabel,
  resultsSummary,
  roleLabel,
  statusBlocksSignIn,
} from './labels.ts'

const problem = (status: number, detail?: string) =>
  new ApiError({ type: '/problems/x', title: 'X', status, ...(detail ? { detail } : {}) })

describe('office wording', () => {
  it('names roles and statuses for people', () => {
    const roles = { admin: 'Administrator', front_desk: 'Front desk', provider: 'Provider' }
    for (const [role, label] of Object.entries({ ...roles, other: 'other' })) {
      expect(roleLabel(role)).toBe(label)
    }
    expect(patientStatusLabel('NonPatient')).toBe('Non-patient')
    expect(patientStatusLabel('Patient')).toBe('Patient')
    expect(statusBlocksSignIn('Archived')).toBe(true)
    expect(statusBlocksSignIn('Patient')).toBe(false)
  })

  it('lists what is missing before access can be given', () => {
    expect(missingDataSentence(['address'])).toBe(
      "Add the patient's address in the practice-management system first.",
    )
    expect(missingDataSentence(['address', 'birthdate'])).toBe(
      "Add the patient's address and birthdate in the practice-management system first.",
    )
    expect(missingDataSentence(['name', 'address', 'birthdate'])).toBe(
      "Add the patient's name, address, and birthdate in the practice-management system first.",
    )
  })

  it('writes names both ways', () => {
    expect(fullName({ firstName: 'Maria', lastName: 'Garcia' })).toBe('Maria Garcia')
    expect(listName({ firstName: 'Maria', lastName: 'Garcia' })).toBe('Garcia, Maria')
    expect(listName({ firstName: 'Maria', lastName: '' })).toBe('Maria')
    expect(listName({ firstName: '', lastName: 'Garcia' })).toBe('Garcia')
  })

  it('describes emails', () => {
    expect(emailStatusLabel('stored')).toContain('no mail server')
    expect(emailStatusLabel('sent')).toBe('Sent')
    const kinds = {
      'access-invitation': 'Portal invitation',
      'care-summary': 'Care summary sent by a patient (email)',
      'care-summary-direct': 'Care summary sent by a patient (Direct)',
      webmail_notice: 'Webmail notice',
    }
    for (const [kind, label] of Object.entries(kinds)) expect(emailKindLabel(kind)).toBe(label)
  })

  it('ends the session on a 401, except for the first who-am-I check', () => {
    expect(endsSession(problem(401), { isSessionCheck: false, wasSignedIn: true })).toBe(true)
    expect(endsSession(problem(401), { isSessionCheck: false, wasSignedIn: false })).toBe(true)
    expect(endsSession(problem(401), { isSessionCheck: true, wasSignedIn: true })).toBe(true)
    expect(endsSession(problem(401), { isSessionCheck: true, wasSignedIn: false })).toBe(false)
    expect(endsSession(problem(403), { isSessionCheck: false, wasSignedIn: true })).toBe(false)
    expect(endsSession(new Error('x'), { isSessionCheck: false, wasSignedIn: true })).toBe(false)
  })

  it('explains failed actions', () => {
    expect(actionFailureMessage(problem(409, 'Already has access.'), 'Providing access')).toBe(
      'Providing access did not work. Already has access.',
    )
    expect(actionFailureMessage(problem(0, 'x'), 'Printing')).toContain('could not be reached')
    expect(actionFailureMessage(problem(500, 'secret'), 'Printing')).not.toContain('secret')
    expect(actionFailureMessage(new Error('x'), 'Printing')).toContain('problem on the server')
  })

  it('summarises search results', () => {
    expect(resultsSummary(0)).toMatch(/^No patients found/)
    expect(resultsSummary(1)).toBe('1 patient found.')
    expect(resultsSummary(7)).toBe('7 patients found.')
    expect(resultsSummary(50)).toMatch(/^Showing the first 50 patients/)
  })
})
