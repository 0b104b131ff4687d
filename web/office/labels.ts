import { isApiError } from '../ui/api.ts'
import type { MessageId, Translate } from '../ui/i18n/i18n.tsx'

/** Pure wording for the office console, kept apart from the components so it can be tested. */

const ROLES: Record<string, MessageId> = {
  admin: 'office.role.admin',
  front_desk: 'office.role.frontDesk',
  provider: 'office.role.provider',
}

/** The catalog's words for `value` in `table`, else the value itself (shown rather than hidden). */
function wordsFor(table: Record<string, MessageId>, value: string, t: Translate): string {
  const id = table[value]
  return id ? t(id) : value
}

export function roleLabel(role: string, t: Translate): string {
  return wordsFor(ROLES, role, t)
}

const PATIENT_STATUSES: Record<string, MessageId> = {
  Patient: 'office.patientStatus.patient',
  NonPatient: 'office.patientStatus.nonPatient',
  Inactive: 'office.patientStatus.inactive',
  Archived: 'office.patientStatus.archived',
  Deceased: 'office.patientStatus.deceased',
  Prospective: 'office.patientStatus.prospective',
}

export function patientStatusLabel(status: string, t: Translate): string {
  return wordsFor(PATIENT_STATUSES, status, t)
}

/** Statuses whose patients the portal refuses at sign-in, whatever access they have. */
const CANNOT_SIGN_IN = new Set(['Archived', 'Deceased', 'Prospective'])

export function statusBlocksSignIn(status: string): boolean {
  return CANNOT_SIGN_IN.has(status)
}

const MISSING: Record<string, MessageId> = {
  name: 'office.missing.name',
  address: 'office.missing.address',
  birthdate: 'office.missing.birthdate',
}

/**
 * What the office must add before giving access, as one sentence:
 * "Add the patient's address and birthdate in the practice-management system first."
 */
export function missingDataSentence(
  missing: readonly string[],
  t: Translate,
  language = 'en',
): string {
  const items = missing.map((item) => wordsFor(MISSING, item, t))
  const list = new Intl.ListFormat(language, { type: 'conjunction' }).format(items)
  return t('office.missing.sentence', { list })
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

const EMAIL_STATUSES: Record<string, MessageId> = {
  queued: 'office.emailStatus.queued',
  sent: 'office.emailStatus.sent',
  stored: 'office.emailStatus.stored',
  failed: 'office.emailStatus.failed',
}

export function emailStatusLabel(status: string, t: Translate): string {
  return wordsFor(EMAIL_STATUSES, status, t)
}

const EMAIL_KINDS: Record<string, MessageId> = {
  'access-invitation': 'office.emailKind.accessInvitation',
  'password-reset': 'office.emailKind.passwordReset',
  'care-summary': 'office.emailKind.careSummary',
  'care-summary-direct': 'office.emailKind.careSummaryDirect',
}

/** A kind the page has no wording for is shown readably rather than hidden. */
export function emailKindLabel(kind: string, t: Translate): string {
  const known = EMAIL_KINDS[kind]
  if (known) return t(known)
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

/**
 * A failed action, said in a sentence; the server's detail is written to be shown (and comes in
 * the reader's language: problem sentences are translated by the server's problem catalogs).
 */
export function actionFailureMessage(error: unknown, what: string, t: Translate): string {
  if (isApiError(error)) {
    if (error.status === 0) return t('office.failure.unreachable', { what })
    if (error.status < 500 && error.detail) {
      return t('office.failure.detail', { what, detail: error.detail })
    }
    if (error.status === 403) return t('office.failure.forbidden', { what })
    if (error.status < 500) return t('office.failure.check', { what })
  }
  return t('office.failure.server', { what })
}

/** How many patients a search found, and what to do when the list was cut off. */
export function resultsSummary(count: number, t: Translate, limit = 50): string {
  if (count === 0) return t('office.results.none')
  if (count >= limit) return t('office.results.limited', { limit })
  return t('office.results.found', { count })
}
