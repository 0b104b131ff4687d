import { compiledQuery } from '../../platform/db/compiled.ts'
import type { Database } from '../../platform/db/database.ts'

/** The account holder's name, for a holder outside the user's family (Luis's is Maria). */
export async function findHolder(db: Database, practiceId: number, holderId: number) {
  return db
    .selectFrom('patients')
    .select(['id', 'first_name', 'last_name', 'preferred_name'])
    .where('practice_id', '=', practiceId)
    .where('id', '=', holderId)
    .executeTakeFirst()
}

const statementsOf = compiledQuery((db, values: { practiceId: number; holderId: number }) =>
  db
    .selectFrom('statements')
    .select(['id', 'statement_date', 'balance_cents', 'status', 'pdf_storage_key'])
    .where('practice_id', '=', values.practiceId)
    .where('patient_id', '=', values.holderId)
    .orderBy('statement_date', 'desc')
    .orderBy('id', 'desc')
    .limit(100),
)

export async function listStatements(db: Database, practiceId: number, holderId: number) {
  return statementsOf.execute(db, { practiceId, holderId })
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

const paymentsOf = compiledQuery((db, values: { practiceId: number; holderId: number }) =>
  db
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
    .where('practice_id', '=', values.practiceId)
    .where('patient_id', '=', values.holderId)
    .orderBy('paid_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100),
)

export async function listPayments(db: Database, practiceId: number, holderId: number) {
  return paymentsOf.execute(db, { practiceId, holderId })
}
