import type { Database } from '../../platform/db/database.ts'

export async function findPatientForAccount(db: Database, practiceId: number, patientId: number) {
  return db
    .selectFrom('patients')
    .select(['id', 'guarantor_id'])
    .where('practice_id', '=', practiceId)
    .where('id', '=', patientId)
    .executeTakeFirstOrThrow()
}

export async function findHolder(db: Database, practiceId: number, patientId: number) {
  return db
    .selectFrom('patients')
    .select(['id', 'first_name', 'last_name', 'preferred_name'])
    .where('practice_id', '=', practiceId)
    .where('id', '=', patientId)
    .executeTakeFirst()
}

export async function listStatements(db: Database, practiceId: number, holderId: number) {
  return db
    .selectFrom('statements')
    .select(['id', 'statement_date', 'balance_cents', 'status', 'pdf_storage_key'])
    .where('practice_id', '=', practiceId)
    .where('patient_id', '=', holderId)
    .orderBy('statement_date', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute()
}

export async function findStatement(
  db: Database,
  practiceId: number,
  holderId: number,
  statementId: number,
) {
  return db
    .selectFrom('statements')
    .select(['id', 'statement_date', 'pdf_storage_key'])
    .where('practice_id', '=', practiceId)
    .where('patient_id', '=', holderId)
    .where('id', '=', statementId)
    .executeTakeFirst()
}

export async function listPayments(db: Database, practiceId: number, holderId: number) {
  return db
    .selectFrom('payments')
    .select([
      'id',
      'paid_at',
      'amount_cents',
      'method',
      'status',
      'note',
      'card_brand',
      'card_last4',
    ])
    .where('practice_id', '=', practiceId)
    .where('patient_id', '=', holderId)
    .orderBy('paid_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute()
}

export async function findCurrency(db: Database, practiceId: number) {
  const row = await db
    .selectFrom('practices')
    .select('currency')
    .where('id', '=', practiceId)
    .executeTakeFirstOrThrow()
  return row.currency
}
