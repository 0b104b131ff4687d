import type { Database } from '../platform/db/database.ts'

/** The second factors (apps, passkeys) a portal user has, by user name: what was stored. */
export function secondFactorsOf(db: Database, username: string) {
  return db
    .selectFrom('second_factors')
    .innerJoin('portal_users', 'portal_users.id', 'second_factors.portal_user_id')
    .selectAll('second_factors')
    .where('portal_users.username', '=', username)
}

/** The recovery codes a portal user holds, by user name. */
export function recoveryCodesOf(db: Database, username: string) {
  return db
    .selectFrom('recovery_codes')
    .innerJoin('portal_users', 'portal_users.id', 'recovery_codes.portal_user_id')
    .selectAll('recovery_codes')
    .where('portal_users.username', '=', username)
    .execute()
}
