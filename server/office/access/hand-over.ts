import { verifyPassword } from '../../platform/auth/passwords.ts'
import type { Database } from '../../platform/db/database.ts'
import { Conflict, Invalid } from '../../platform/http/problems.ts'
import { queueEmail } from '../../platform/mail/outbox.ts'
import { HIDDEN_SECRET, type SecretBox } from '../../platform/mail/secrets.ts'
import { findPasswordHash } from '../../practice/queries.ts'
import type { ActingStaff, StaffAuditor } from '../staff-audit.ts'
import { renderAccessLetter } from './letter.ts'
import {
  findPatientAccessOrNotFound,
  findPracticeLetterhead,
  type PatientAccessRow,
} from './queries.ts'
import { hasAccess } from './rules.ts'

/** Handing a one-time password just issued to the patient: on paper, or by email. */
export interface HandOver {
  patientId: number
  oneTimePassword: string
  /** The portal's address, as the patient types it: `https://portal.example/`. */
  portalUrl: string
}

/** The access letter as a PDF, for the patient's current one-time password only. */
export async function printAccessLetter(
  db: Database,
  staff: ActingStaff,
  audit: StaffAuditor,
  { patientId, oneTimePassword, portalUrl }: HandOver,
): Promise<Buffer> {
  const { row, username, practice } = await handingOver(db, staff, patientId, oneTimePassword)
  const pdf = await renderAccessLetter({
    practice,
    patientName: `${row.first_name} ${row.last_name}`,
    portalUrl,
    username,
    oneTimePassword,
  })
  await audit.record(db, 'access.letter_printed', { patientId: row.id })
  return pdf
}

/**
 * Emails the patient their user name; the one-time password goes sealed, so the kept copy in
 * Outgoing email shows HIDDEN_SECRET where the patient's email had it.
 */
export async function emailInvitation(
  db: Database,
  staff: ActingStaff,
  audit: StaffAuditor,
  secrets: SecretBox,
  { patientId, oneTimePassword, portalUrl }: HandOver,
): Promise<void> {
  const { row, username, practice } = await handingOver(db, staff, patientId, oneTimePassword, {
    needsEmail: true,
  })
  await queueEmail(db, {
    practiceId: staff.practice_id,
    kind: 'access-invitation',
    to: row.email ?? '',
    subject: `Your ${practice.name} patient portal`,
    text: [
      `Hello ${row.first_name},`,
      '',
      `${practice.name} has set up your patient portal account.`,
      `Portal address: ${portalUrl}`,
      `User name: ${username}`,
      `One-time password: ${HIDDEN_SECRET}`,
      '',
      'The first time you sign in, you will choose your own password.',
      practice.phone ? `Questions? Call us at ${practice.phone}.` : '',
    ].join('\n'),
    sealedSecret: secrets.seal(oneTimePassword),
  })
  await audit.record(db, 'access.invitation_emailed', { patientId: row.id })
}

/**
 * The patient, their user name and the practice's letterhead, once `oneTimePassword` is shown to
 * be the account's unused one-time password (and, for an email, that there is an address).
 */
async function handingOver(
  db: Database,
  staff: ActingStaff,
  patientId: number,
  oneTimePassword: string,
  { needsEmail = false } = {},
) {
  const row = await findPatientAccessOrNotFound(db, staff.practice_id, patientId)
  if (needsEmail && !row.email) throw new Invalid('This patient has no email address on file.')
  const username = await checkedOneTimePassword(db, row, oneTimePassword)
  return { row, username, practice: await findPracticeLetterhead(db, staff.practice_id) }
}

/** The account's user name, once `oneTimePassword` is shown to be its unused one-time password. */
async function checkedOneTimePassword(
  db: Database,
  row: PatientAccessRow,
  oneTimePassword: string,
) {
  if (!hasAccess(row) || row.portal_user_id === null || !row.password_is_temporary) {
    throw new Conflict('This patient has no unused one-time password. Reset the password first.')
  }
  const hash = await findPasswordHash(db, row.portal_user_id)
  if (!(await verifyPassword(hash, oneTimePassword))) {
    throw new Invalid('That is not the current one-time password.', {
      oneTimePassword: 'Not the current one-time password; reset the password for a new one.',
    })
  }
  return row.username ?? ''
}
