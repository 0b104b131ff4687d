import { describe, expect, it } from 'vitest'
import { ApiError } from '../ui/api.ts'
import { englishT } from '../ui/i18n/testing.ts'
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
import officeEnglish from './messages/en.json'
import officeFrench from './messages/fr-CA.json'

const t = englishT(officeEnglish)

const problem = (status: number, detail?: string) =>
  new ApiError({ type: '/problems/x', title: 'X', status, ...(detail ? { detail } : {}) })

describe('office wording', () => {
  it('names roles and statuses for people', () => {
    const roles = { admin: 'Administrator', front_desk: 'Front desk', provider: 'Provider' }
    for (const [role, label] of Object.entries({ ...roles, other: 'other' })) {
      expect(roleLabel(role, t)).toBe(label)
    }
    expect(patientStatusLabel('NonPatient', t)).toBe('Non-patient')
    expect(patientStatusLabel('Patient', t)).toBe('Patient')
    expect(statusBlocksSignIn('Archived')).toBe(true)
    expect(statusBlocksSignIn('Patient')).toBe(false)
  })

  it('lists what is missing before access can be given', () => {
    expect(missingDataSentence(['address'], t)).toBe(
      "Add the patient's address in the practice-management system first.",
    )
    expect(missingDataSentence(['address', 'birthdate'], t)).toBe(
      "Add the patient's address and birthdate in the practice-management system first.",
    )
    expect(missingDataSentence(['name', 'address', 'birthdate'], t)).toBe(
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
    expect(emailStatusLabel('stored', t)).toContain('no mail server')
    expect(emailStatusLabel('sent', t)).toBe('Sent')
    const kinds = {
      'access-invitation': 'Portal invitation',
      'care-summary': 'Care summary sent by a patient (email)',
      'care-summary-direct': 'Care summary sent by a patient (Direct)',
      webmail_notice: 'Webmail notice',
    }
    for (const [kind, label] of Object.entries(kinds)) expect(emailKindLabel(kind, t)).toBe(label)
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
    expect(actionFailureMessage(problem(409, 'Already has access.'), 'Providing access', t)).toBe(
      'Providing access did not work. Already has access.',
    )
    expect(actionFailureMessage(problem(0, 'x'), 'Printing', t)).toContain('could not be reached')
    expect(actionFailureMessage(problem(500, 'secret'), 'Printing', t)).not.toContain('secret')
    expect(actionFailureMessage(new Error('x'), 'Printing', t)).toContain('problem on the server')
  })

  it('summarises search results', () => {
    expect(resultsSummary(0, t)).toMatch(/^No patients found/)
    expect(resultsSummary(1, t)).toBe('1 patient found.')
    expect(resultsSummary(7, t)).toBe('7 patients found.')
    expect(resultsSummary(50, t)).toMatch(/^Showing the first 50 patients/)
  })

  it('writes the same wording in French (Canada), lists and plurals included', () => {
    const fr = englishT(officeFrench)
    expect(roleLabel('front_desk', fr)).toBe('Accueil')
    expect(missingDataSentence(['address', 'birthdate'], fr, 'fr-CA')).toBe(
      'Ajoutez d’abord l’adresse et la date de naissance du patient dans le logiciel de gestion de la clinique.',
    )
    expect(resultsSummary(1, fr)).toBe('1 patient trouvé.')
    expect(resultsSummary(7, fr)).toBe('7 patients trouvés.')
    expect(actionFailureMessage(problem(409, 'Déjà un accès.'), 'Octroi de l’accès', fr)).toBe(
      'Octroi de l’accès : échec. Déjà un accès.',
    )
  })
})
