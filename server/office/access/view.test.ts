import { describe, expect, it } from 'vitest'
import type { PatientAccessRow } from './queries.ts'
import { presentPatientAccess } from './view.ts'

const NOW = new Date('2026-03-10T15:00:00Z')
const HOUR = 3_600_000

const patient: PatientAccessRow = {
  id: 7,
  first_name: 'Ana',
  last_name: 'Silva',
  birthdate: '1992-03-04',
  status: 'Patient',
  email: 'ana@example.test',
  address1: '12 Elm St',
  city: 'Guelph',
  external_id: 'PMS-7',
  portal_user_id: null,
  username: null,
  password_is_temporary: null,
  last_sign_in_at: null,
  removed_at: null,
  verification_failures: null,
  verification_failed_at: null,
}
const withAccess: PatientAccessRow = {
  ...patient,
  portal_user_id: 3,
  username: 'ana1234',
  password_is_temporary: true,
  verification_failures: 0,
}

describe('a patient on the access page', () => {
  it('says what is missing and that there is no access yet, without the email itself', () => {
    const shown = presentPatientAccess({ ...patient, address1: null, email: null }, NOW)
    expect(shown).toEqual({
      id: 7,
      firstName: 'Ana',
      lastName: 'Silva',
      birthdate: '1992-03-04',
      status: 'Patient',
      hasEmail: false,
      missing: ['address'],
      access: null,
    })
  })

  it('shows the account awaiting its first sign-in', () => {
    expect(presentPatientAccess(withAccess, NOW).access).toEqual({
      username: 'ana1234',
      awaitingFirstSignIn: true,
      lastSignInAt: null,
      verificationLocked: false,
    })
  })

  it('shows a removed account as no access', () => {
    expect(presentPatientAccess({ ...withAccess, removed_at: NOW }, NOW).access).toBeNull()
  })

  it('shows the identity-check lock for a day after the third miss', () => {
    const missed = (hoursAgo: number) => ({
      ...withAccess,
      verification_failures: 3,
      verification_failed_at: new Date(NOW.getTime() - hoursAgo * HOUR),
    })
    expect(presentPatientAccess(missed(1), NOW).access?.verificationLocked).toBe(true)
    expect(presentPatientAccess(missed(25), NOW).access?.verificationLocked).toBe(false)
  })
})
