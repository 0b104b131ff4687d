import type { Database } from '../../../platform/db/database.ts'
import { Invalid } from '../../../platform/http/problems.ts'
import type { SecretBox } from '../../../platform/mail/secrets.ts'
import { sameName } from '../../signin/rules.ts'
import { accountHolderId } from '../rules.ts'
import { findStatementHolder, payerCandidates } from './queries.ts'

/** How long a verified payer may take to pay, and how long a statement's link works. */
export const PAYMENT_PASS_SECONDS = 20 * 60
export const STATEMENT_LINK_DAYS = 90

/** Who may pay into which account without signing in, sealed into a cookie until `expires`. */
export interface PaymentPass {
  practiceId: number
  holderId: number
  payerPatientId: number
  /** Unix seconds. */
  expires: number
}

/** A statement's payment link: which statement, until when; sealed, so it cannot be forged. */
export interface StatementLink {
  practiceId: number
  statementId: number
  expires: number
}

export function sealPass(secrets: SecretBox, pass: PaymentPass): string {
  return secrets.seal(JSON.stringify({ kind: 'pay', ...pass }))
}

export function openPass(secrets: SecretBox, sealed: string | undefined, now: Date) {
  const opened = openSealed(secrets, sealed, 'pay')
  if (!opened || (opened.expires ?? 0) * 1000 <= now.getTime()) return undefined
  return opened as unknown as PaymentPass
}

/** The address printed on a statement: the public Make payment page with the statement's seal. */
export function statementPaymentLink(
  secrets: SecretBox,
  publicUrl: string,
  link: Omit<StatementLink, 'expires'>,
  now: Date,
): string {
  const expires = Math.floor(now.getTime() / 1000) + STATEMENT_LINK_DAYS * 86_400
  const sealed = secrets.seal(JSON.stringify({ kind: 'statement', ...link, expires }))
  return `${publicUrl.replace(/\/$/, '')}/pay?statement=${encodeURIComponent(sealed)}`
}

export function openStatementLink(secrets: SecretBox, sealed: string | undefined, now: Date) {
  const opened = openSealed(secrets, sealed, 'statement')
  if (!opened || (opened.expires ?? 0) * 1000 <= now.getTime()) return undefined
  return opened as unknown as StatementLink
}

function openSealed(secrets: SecretBox, sealed: string | undefined, kind: string) {
  if (!sealed || sealed.length > 2000) return undefined
  const text = secrets.open(sealed)
  if (!text) return undefined
  try {
    const value = JSON.parse(text) as Record<string, number | string>
    return value.kind === kind ? (value as Record<string, number>) : undefined
  } catch {
    return undefined
  }
}

/**
 * The patient whose first name, last name and birthdate were typed, when exactly one matches
 * (and, from a statement's link, belongs to that statement's account): the account to pay into.
 */
export async function findPayer(
  db: Database,
  practiceId: number,
  typed: { firstName: string; lastName: string; birthdate: string },
  statement: { holderId: number } | null,
) {
  const candidates = await payerCandidates(db, practiceId, typed.birthdate)
  const matches = candidates.filter(
    (patient) =>
      sameName(typed.firstName, patient.first_name) &&
      sameName(typed.lastName, patient.last_name) &&
      (!statement || accountHolderId(patient) === statement.holderId),
  )
  const [only] = matches
  if (!only || matches.length > 1) return undefined
  return { payerPatientId: only.id, holderId: accountHolderId(only) }
}

const NO_MATCH =
  'We could not match these details to an account. Check the spelling and the birthdate, or call the office.'

/**
 * The pass for the payer the typed details name (from a statement's link: only within that
 * statement's account), valid PAYMENT_PASS_SECONDS. An expired or forged link, or no single
 * match, is a 400 that says nothing about anyone.
 */
export async function verifiedPayerPass(
  db: Database,
  secrets: SecretBox,
  practiceId: number,
  typed: { firstName: string; lastName: string; birthdate: string; statement?: string },
  now = new Date(),
): Promise<PaymentPass> {
  const link = typed.statement ? openStatementLink(secrets, typed.statement, now) : undefined
  if (typed.statement && (!link || link.practiceId !== practiceId)) {
    throw new Invalid('This payment link has expired. Pay without it, or call the office.')
  }
  const holder = link ? await findStatementHolder(db, practiceId, link.statementId) : null
  const payer = await findPayer(db, practiceId, typed, holder)
  if (!payer) throw new Invalid(NO_MATCH)
  const expires = Math.floor(now.getTime() / 1000) + PAYMENT_PASS_SECONDS
  return { practiceId, ...payer, expires }
}
