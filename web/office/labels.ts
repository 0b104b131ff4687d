import { isApiError } from '../ui/api.ts'

/** Pure wording for the office console, kept apart from the components so it can be tested. */

const ROLES: Record<string, string> = {
  admin: 'Administrator',
  front_desk: 'Front desk',
  provider: 'Provider',
}

export function roleLabel(role: string): string {
  return ROLES[role] ?? role
}

const PATIENT_STATUSES: Record<string, string> = {
  Patient: 'Patient',
  NonPatient: 'Non-patient',
  Inactive: 'Inactive',
  Archived: 'Archived',
  Deceased: 'Deceased',
  Prospective: 'Prospective',
}

export function patientStatusLabel(status: string): string {
  return PATIENT_STATUSES[status] ?? status
}

/** Statuses whose patients the portal refuses at sign-in, whatever access they have. */
const CANNOT_SIGN_IN = new Set(['Archived', 'Deceased', 'Prospective'])

export function statusBlocksSignIn(status: string): boolean {
  return CANNOT_SIGN_IN.has(status)
}

const MISSING: Record<string, string> = {
  name: 'name',
  address: 'address',
  birthdate: 'birthdate',
}

/**
 * What the office must add before giving access, as one sentence:
 * "Add the patient's address and birthdate in the practice-management system first."
 */
export function missingDataSentence(missing: readonly string[]): string {
  const items = missing.map((item) => MISSING[item] ?? item)
  const list = new Intl.ListFormat('en', { type: 'conjunction' }).format(items)
  return `Add the patient's ${list} in the practice-management system first.`
}

export function fullName(patient: { firstName: string; lastName: string }): string {
  return `${patient.firstName} ${patient.lastName}`.trim()
}

/** "Garcia, Maria": how the front desk looks people up, and how the results are sorted. */
export function listName(patient: { firstName: string; lastName: string }): string {
  if (!patient.lastName) return patient.firstName
  if (!patient.firstName) return patient.lastName
  return `${patient.lastName}, ${patient.firstName}`
}

const EMAIL_STATUSES: Record<string, string> = {
  queued: 'Queued',
  sent: 'Sent',
  stored: 'Stored here (no mail server is set up)',
  failed: 'Failed',
}

export function emailStatusLabel(status: string): string {
  return EMAIL_STATUSES[status] ?? status
}

const EMAIL_KINDS: Record<string, string> = {
  'access-invitation': 'Portal invitation',
  'password-reset': 'Password reset code',
  'care-summary': 'Care summary sent by a patient (email)',
  'care-summary-direct': 'Care summary sent by a patient (Direct)',
}

/** A kind the page has no wording for is shown readably rather than hidden. */
export function emailKindLabel(kind: string): string {
  const known = EMAIL_KINDS[kind]
  if (known) return known
  const words = kind.replace(/[-_]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * Whether a failed request means the staff member's session is over (timed out, signed out
 * elsewhere). The first "who am I" check failing only means nobody had signed in yet.
 */
export function endsSession(
  error: unknown,
  request: { isSessionCheck: boolean; wasSignedIn: boolean },
): boolean {
  if (!isApiError(error) || error.status !== 401) return false
  return !request.isSessionCheck || request.wasSignedIn
}

/** A failed action, said in a sentence; the server's detail is written to be shown. */
export function actionFailureMessage(error: unknown, what: string): string {
  if (isApiError(error)) {
    if (error.status === 0) return `${what} did not work: the server could not be reached.`
    if (error.status < 500 && error.detail) return `${what} did not work. ${error.detail}`
    if (error.status === 403) return `${what} did not work: your role does not allow it.`
    if (error.status < 500) return `${what} did not work. Please check and try again.`
  }
  return `${what} did not work because of a problem on the server. Please try again in a moment.`
}

/** How many patients a search found, and what to do when the list was cut off. */
export function resultsSummary(count: number, limit = 50): string {
  if (count === 0) return 'No patients found. Check the spelling, or search by birthdate.'
  if (count === 1) return '1 patient found.'
  if (count >= limit) {
    return `Showing the first ${limit} patients. Add more of the name or the birthdate to narrow the search.`
  }
  return `${count} patients found.`
}
