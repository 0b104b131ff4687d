import type { Selectable, Updateable } from 'kysely'
import type { Database } from './database.ts'
import type { DB } from './schema.ts'

/** The tables whose rows are found by a numeric `id`. */
type TableWithId = { [T in keyof DB]: DB[T] extends { id: unknown } ? T : never }[keyof DB]

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
