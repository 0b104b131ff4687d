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

/** The tables that have all these columns, e.g. `TableWith<'practice_id' | 'patient_id'>`. */
export type TableWith<C extends string> = {
  [T in keyof DB]: DB[T] extends Record<C, unknown> ? T : never
}[keyof DB]

/** The tables whose rows are found by a numeric `id`. */
type TableWithId = TableWith<'id'>

/** The practice-owned tables: every practice-owned row carries practice_id (migration 0005). */
type PracticeTable = TableWith<'practice_id'>

/** The practice-owned tables whose rows are found by a numeric `id` within their practice. */
type PracticeTableWithId = TableWith<'practice_id' | 'id'>

/**
 * The practice's rows of a table, the columns, joins and further conditions left to the caller:
 * scoped by the practice (tenancy), the query finds nothing of another practice. Qualified, as
 * the caller may join.
 */
export function practiceRows<T extends PracticeTable>(
  db: Database,
  table: T,
  practiceId: number,
): SelectQueryBuilder<DB, T, object> {
  // Kysely cannot follow a table name that is a type parameter; the signature keeps the table,
  // and so every column the caller names, checked.
  const rows = db
    .selectFrom(table as 'payments')
    .where(`${table}.practice_id` as 'payments.practice_id', '=', practiceId)
  return rows as unknown as SelectQueryBuilder<DB, T, object>
}

/**
 * practiceRows narrowed to those whose column holds this value: one id's row (practiceRow), one
 * patient's rows (patientRows, in practice/queries.ts).
 */
export function practiceRowsWhere<T extends PracticeTable>(
  db: Database,
  table: T,
  practiceId: number,
  column: 'id' | 'patient_id',
  value: number,
): SelectQueryBuilder<DB, T, object> {
  // As in practiceRows; the callers' signatures check that their tables have the column.
  const rows = practiceRows(db, table as 'appointments', practiceId).where(
    `${table}.${column}` as 'appointments.id',
    '=',
    value,
  )
  return rows as unknown as SelectQueryBuilder<DB, T, object>
}

/** The practice's row of a table with this id (practiceRows): none when the id is another practice's. */
export function practiceRow<T extends PracticeTableWithId>(
  db: Database,
  table: T,
  practiceId: number,
  id: number,
) {
  return practiceRowsWhere(db, table, practiceId, 'id', id)
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
 * These columns of the one row with this id, which must exist (a row the caller already holds
 * the id of: the signed-in user, their practice). Like updateRowById, the read otherwise repeated.
 */
export async function findColumnsById<
  T extends TableWithId,
  C extends keyof Selectable<DB[T]> & string,
>(db: Database, table: T, id: number, columns: readonly C[]): Promise<Pick<Selectable<DB[T]>, C>> {
  // As above: the signature keeps the table and columns checked for callers.
  const row = await db
    .selectFrom(table as 'sessions')
    .select(columns as readonly string[] as readonly 'id'[])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return row as unknown as Pick<Selectable<DB[T]>, C>
}

/** One column of the one row with this id, which must exist (findColumnsById). */
export async function findColumnById<
  T extends TableWithId,
  C extends keyof Selectable<DB[T]> & string,
>(db: Database, table: T, id: number, column: C): Promise<Selectable<DB[T]>[C]> {
  return (await findColumnsById(db, table, id, [column]))[column]
}

/**
 * Holds the row with this id until the transaction ends, so that changes deciding on it (or on
 * what hangs from it) take turns; each caller says which changes wait for which.
 */
export async function lockRowById<T extends TableWithId>(
  db: Database,
  table: T,
  id: number,
): Promise<void> {
  // As in updateRowById: the signature keeps the table checked for callers.
  await db
    .selectFrom(table as 'sessions')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .execute()
}
