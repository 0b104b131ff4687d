import { type Insertable, sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import { practiceRow, updatePracticeRow } from '../../../platform/db/rows.ts'
import type { PaymentAttemptsTable } from '../../../platform/db/schema.ts'
import {
  patientRows,
  practicePatient,
  practicesWithPortalSettings,
} from '../../../practice/queries.ts'

/** The practice's online payment set-up: switch, processor, maximum and currency. */
export async function findPaymentSetup(db: Database, practiceId: number) {
  return practicesWithPortalSettings(db)
    .select([
      'practices.name as practiceName',
      'practices.currency',
      'practices.time_zone as timeZone',
      'portal_settings.feature_make_payments as featureOn',
      'portal_settings.payment_processor as processor',
      'portal_settings.payment_maximum_cents as maximumCents',
    ])
    .where('practices.id', '=', practiceId)
    .executeTakeFirst()
}

export async function latestStatement(db: Database, practiceId: number, holderId: number) {
  return patientRows(db, 'statements', practiceId, holderId)
    .select(['id', 'statement_date', 'balance_cents'])
    .orderBy('statement_date', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
}

export async function listSavedCards(db: Database, practiceId: number, holderId: number) {
  return patientRows(db, 'payment_cards', practiceId, holderId)
    .select(['id', 'brand', 'last4', 'exp_month', 'exp_year', 'processor'])
    .where('removed_at', 'is', null)
    .orderBy('id', 'desc')
    .execute()
}

export async function findSavedCard(
  db: Database,
  practiceId: number,
  holderId: number,
  cardId: number,
) {
  return patientRows(db, 'payment_cards', practiceId, holderId)
    .select(['id', 'processor', 'processor_token', 'customer_token'])
    .where('id', '=', cardId)
    .where('removed_at', 'is', null)
    .executeTakeFirst()
}

/** What a request claims an attempt with: the table's columns it writes, its payer always named. */
export type NewAttempt = Required<
  Pick<
    Insertable<PaymentAttemptsTable>,
    | 'practice_id'
    | 'idempotency_key'
    | 'patient_id'
    | 'statement_id'
    | 'portal_user_id'
    | 'amount_cents'
    | 'currency'
    | 'note'
    | 'processor'
    | 'save_card'
  >
> & { payer_patient_id: number }

const ATTEMPT_COLUMNS = [
  'id',
  'practice_id',
  'patient_id',
  'payer_patient_id',
  'statement_id',
  'portal_user_id',
  'amount_cents',
  'currency',
  'note',
  'processor',
  'status',
  'failure_code',
  'processor_reference',
  'card_brand',
  'card_last4',
  'save_card',
  'payment_id',
  'idempotency_key',
  'created_at',
  'updated_at',
] as const

export type AttemptRow = Awaited<ReturnType<typeof findAttemptByKey>> & {}

/**
 * The "charge once" rule in one statement: the first request with a key inserts the attempt
 * and gets it back; every other request with the same key, however close in time, gets nothing
 * and reads the winner's attempt instead.
 */
export async function claimAttempt(db: Database, attempt: NewAttempt) {
  return db
    .insertInto('payment_attempts')
    .values(attempt)
    .onConflict((conflict) => conflict.columns(['practice_id', 'idempotency_key']).doNothing())
    .returning(ATTEMPT_COLUMNS)
    .executeTakeFirst()
}

/** The practice's payment attempts, each read with the same columns. */
function practiceAttempts(db: Database, practiceId: number) {
  return db
    .selectFrom('payment_attempts')
    .select(ATTEMPT_COLUMNS)
    .where('practice_id', '=', practiceId)
}

export async function findAttemptByKey(db: Database, practiceId: number, key: string) {
  return practiceAttempts(db, practiceId).where('idempotency_key', '=', key).executeTakeFirst()
}

export async function findAttempt(db: Database, practiceId: number, attemptId: number) {
  return practiceAttempts(db, practiceId).where('id', '=', attemptId).executeTakeFirst()
}

/** An attempt on one account with its practice's name, for the receipt: one round trip. */
export async function findReceipt(
  db: Database,
  practiceId: number,
  holderId: number,
  attemptId: number,
) {
  return practiceAttempts(db, practiceId)
    .select((eb) =>
      eb
        .selectFrom('practices')
        .select('practices.name')
        .whereRef('practices.id', '=', 'payment_attempts.practice_id')
        .as('practice_name'),
    )
    .where('patient_id', '=', holderId)
    .where('id', '=', attemptId)
    .executeTakeFirst()
}

/** Decides an attempt still open (pending or unknown); undefined when it was already decided. */
export async function decideAttempt(
  db: Database,
  practiceId: number,
  attemptId: number,
  decision: {
    status: 'succeeded' | 'failed' | 'unknown'
    failure_code?: string | null
    processor_reference?: string | null
    card_brand?: string | null
    card_last4?: string | null
  },
) {
  return updatePracticeRow(db, 'payment_attempts', practiceId, attemptId, {
    ...decision,
    updated_at: sql<Date>`now()`,
  })
    .where('status', 'in', ['pending', 'unknown'])
    .returning(ATTEMPT_COLUMNS)
    .executeTakeFirst()
}

export async function insertOnlinePayment(
  db: Database,
  attempt: AttemptRow,
  card: { brand: string; last4: string },
  reference: string,
) {
  const row = await db
    .insertInto('payments')
    .values({
      practice_id: attempt.practice_id,
      patient_id: attempt.patient_id,
      statement_id: attempt.statement_id,
      amount_cents: attempt.amount_cents,
      method: card.brand,
      status: 'Pending',
      note: attempt.note,
      card_brand: card.brand,
      card_last4: card.last4,
      processor_reference: reference,
      made_online: true,
      made_by_portal_user_id: attempt.portal_user_id,
      payment_attempt_id: attempt.id,
    })
    .returning(['id', 'paid_at'])
    .executeTakeFirstOrThrow()
  await updatePracticeRow(db, 'payment_attempts', attempt.practice_id, attempt.id, {
    payment_id: row.id,
  }).execute()
  return row
}

export async function setPaymentExternalId(
  db: Database,
  practiceId: number,
  paymentId: number,
  externalId: string,
) {
  await updatePracticeRow(db, 'payments', practiceId, paymentId, {
    external_id: externalId,
  }).execute()
}

export async function saveCard(
  db: Database,
  attempt: AttemptRow,
  card: { brand: string; last4: string; expMonth: number; expYear: number },
  tokens: { customer: string; paymentMethod: string },
) {
  await db
    .insertInto('payment_cards')
    .values({
      practice_id: attempt.practice_id,
      patient_id: attempt.patient_id,
      processor: attempt.processor,
      processor_token: tokens.paymentMethod,
      customer_token: tokens.customer,
      brand: card.brand,
      last4: card.last4,
      exp_month: card.expMonth,
      exp_year: card.expYear,
      consented_by_portal_user_id: attempt.portal_user_id,
    })
    .execute()
}

/** Where the receipt goes: the account holder's email, with the practice's name. */
export async function findReceiptAddress(db: Database, practiceId: number, holderId: number) {
  return practicePatient(db, practiceId, holderId)
    .innerJoin('practices', 'practices.id', 'patients.practice_id')
    .select([
      'patients.email',
      'patients.language',
      'practices.name as practiceName',
      'practices.time_zone',
    ])
    .executeTakeFirst()
}

/** The practice's patients born on a day, neither deceased nor archived: whom a typed name may match. */
export function payerCandidates(db: Database, practiceId: number, birthdate: string) {
  return db
    .selectFrom('patients')
    .select(['id', 'first_name', 'last_name', 'guarantor_id'])
    .where('practice_id', '=', practiceId)
    .where('birthdate', '=', birthdate)
    .where('status', 'not in', ['Deceased', 'Archived'])
    .execute()
}

/** The account a statement belongs to (its holder), for a payment from the statement's link. */
export async function findStatementHolder(db: Database, practiceId: number, statementId: number) {
  const row = await practiceRow(db, 'statements', practiceId, statementId)
    .select('patient_id')
    .executeTakeFirst()
  return row ? { holderId: row.patient_id } : null
}
