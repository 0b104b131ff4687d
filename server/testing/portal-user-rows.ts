import type { Selectable, SelectQueryBuilder } from 'kysely'
import type { Database } from '../platform/db/database.ts'
import type { DB } from '../platform/db/schema.ts'

/** The tables whose rows may belong to a portal user. */
type PortalUserTable = {
  [T in keyof DB]: DB[T] extends { portal_user_id: unknown } ? T : never
}[keyof DB]

/**
 * A portal user's rows of a table (their second factors, their recovery codes), all columns, by
 * user name: what a test looks at to see what was stored.
 */
export function portalUserRows<T extends PortalUserTable>(
  db: Database,
  table: T,
  username: string,
): SelectQueryBuilder<DB, T | 'portal_users', Selectable<DB[T]>> {
  // Kysely cannot follow a table name that is a type parameter; the signature keeps it checked.
  const rows = db
    .selectFrom(table as 'second_factors')
    .innerJoin(
      'portal_users',
      'portal_users.id',
      `${table}.portal_user_id` as 'second_factors.portal_user_id',
    )
    .selectAll(table as 'second_factors')
    .where('portal_users.username', '=', username)
  return rows as unknown as SelectQueryBuilder<DB, T | 'portal_users', Selectable<DB[T]>>
}
