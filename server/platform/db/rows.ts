import type { Updateable } from 'kysely'
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
