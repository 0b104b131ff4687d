import { jsonArrayFrom } from 'kysely/helpers/postgres'
import { compiledQuery } from '../../platform/db/compiled.ts'
import type { Database } from '../../platform/db/database.ts'
import type { Dependency } from '../../platform/db/read-cache.ts'
import { patientRows, practicePatient } from '../../practice/queries.ts'

/** The account holder's name, for a holder outside the user's family (Luis's is Maria). */
export async function findHolder(db: Database, practiceId: number, holderId: number) {
  return practicePatient(db, practiceId, holderId)
    .select(['id', 'first_name', 'last_name', 'preferred_name'])
    .executeTakeFirst()
}

export const accountTab = compiledQuery((db, values: { practiceId: number; holderId: number }) =>
  db.selectNoFrom([
    jsonArrayFrom(
      patientRows(db, 'statements', values.practiceId, values.holderId)
        .select(['id', 'statement_date', 'balance_cents', 'status', 'pdf_storage_key'])
        .orderBy('statement_date', 'desc')
        .orderBy('id', 'desc')
        .limit(100),
    ).as('statements'),
    jsonArrayFrom(
      patientRows(db, 'payments', values.practiceId, values.holderId)
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
        .orderBy('paid_at', 'desc')
        .orderBy('id', 'desc')
        .limit(100),
    ).as('payments'),
  ]),
)

/** What the Account tab is read from (the account holder's rows). */
export function accountTabDependencies(holderId: number): Dependency[] {
  return [
    ['statements', holderId],
    ['payments', holderId],
  ]
}

/** The family account's statements and payments, newest first, in one round trip. */
export async function readAccountTab(db: Database, practiceId: number, holderId: number) {
  const found = await accountTab.executeTakeFirst(db, { practiceId, holderId })
  return {
    statements: found?.statements ?? [],
    // JSON carries instants as ISO text.
    payments: (found?.payments ?? []).map((payment) => ({
      ...payment,
      paid_at: new Date(payment.paid_at),
    })),
  }
}

export async function findStatement(
  db: Database,
  practiceId: number,
  holderId: number,
  statementId: number,
) {
  return patientRows(db, 'statements', practiceId, holderId)
    .select(['id', 'statement_date', 'pdf_storage_key'])
    .where('id', '=', statementId)
    .executeTakeFirst()
}
