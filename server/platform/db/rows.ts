import type {
  Selectable,
  SelectQueryBuilder,
  Updateable,
  UpdateObject,
  UpdateQueryBuilder,
  UpdateResult,
} from 'kysely'
import type { Database } from './database.ts'
import type { DB } from './schema.ts'

/** The tables whose rows are found by a numeric `id`. */
type TableWithId = { [T in keyof DB]: DB[T] extends { id: unknown } ? T : never }[keyof DB]

/** The practice-owned tables whose rows are found by a numeric `id` within their practice. */
type PracticeTableWithId = {
  [T in keyof DB]: DB[T] extends { practice_id: unknown; id: unknown } ? T : never
}[keyof DB]

/**
 * The practice's row of a table with this id, the columns, joins and further conditions left to
 * the caller: scoped by the practice (tenancy), it finds nothing when the id is another
 * practice's. Qualified, as the caller may join.
 */
export function practiceRow<T extends PracticeTableWithId>(
  db: Database,
  table: T,
  practiceId: number,
  id: number,
): SelectQueryBuilder<DB, T, object> {
  // Kysely cannot follow a table name that is a type parameter; the signature keeps the table,
  // and so every column the caller names, checked.
  const row = db
    .selectFrom(table as 'payments')
    .where(`${table}.practice_id` as 'payments.practice_id', '=', practiceId)
    .where(`${table}.id` as 'payments.id', '=', id)
  return row as unknown as SelectQueryBuilder<DB, T, object>
}

/**
 * Sets columns of the practice's row with this id (none when the id is another practice's); the
 * caller adds any further condition, `returning` and runs it.
 */
export function updatePracticeRow<T extends PracticeTableWithId>(
  db: Database,
  table: T,
  practiceId: number,
  id: number,
  values: UpdateObject<DB, T>,
): UpdateQueryBuilder<DB, T, T, UpdateResult> {
  // As in practiceRow: the signature keeps the table, its columns and values checked.
  const query = db
    .updateTable(table as 'payments')
    .set(values as UpdateObject<DB, 'payments'>)
    .where('practice_id', '=', practiceId)
    .where('id', '=', id)
  return query as unknown as UpdateQueryBuilder<DB, T, T, UpdateResult>
}

/**
 * Sets columns of the one row with this id. Callers have already checked that the row is theirs
 * (practice, patient); this is only the write, which otherwise is the same five lines in every
 * queries.ts.
 */
export async function updateRowById<T extends TableWithId>(
  db: Database,
  table: T,
  id: number,
  values: Updateable<DB[T]>,
): Promise<void> {
  // Kysely cannot follow a table name that is a type parameter; the signature above keeps the
  // columns and values checked for callers.
  const query = db.updateTable(table as 'sessions').set(values as Updateable<DB['sessions']>)
  await query.where('id', '=', id).execute()
}

/**
 * One column of the one row with this id, which must exist (a row the caller already holds the
 * id of: the signed-in user, their practice). Like updateRowById, the read otherwise repeated.
 */
export async function findColumnById<
  T extends TableWithId,
  C extends keyof Selectable<DB[T]> & string,
>(db: Database, table: T, id: number, column: C): Promise<Selectable<DB[T]>[C]> {
  // As above: the signature keeps the table and column checked for callers.
  const row = await db
    .selectFrom(table as 'sessions')
    .select(column as 'id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return (row as Record<string, unknown>)[column] as Selectable<DB[T]>[C]
}
