import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'
import { type ContactChange, contactColumns } from '../settings/queries.ts'

export async function anyPracticeExists(db: Database): Promise<boolean> {
  const row = await db.selectFrom('practices').select('id').limit(1).executeTakeFirst()
  return row !== undefined
}

export async function storeSetupToken(db: Database, tokenHash: string) {
  await db.insertInto('setup_tokens').values({ token_hash: tokenHash }).execute()
}

/**
 * Setups wait for one another: the second one in sees the first one's practice and is refused.
 * A transaction-scoped advisory lock, so it is released with the commit on both databases.
 */
export async function lockSetup(trx: Database) {
  await sql`select pg_advisory_xact_lock(hashtext('bitewing.first-run-setup'))`.execute(trx)
}

/**
 * Marks every unused setup token used (a practice exists from now on, so none may start another)
 * and says whether `tokenHash` was among them.
 */
export async function consumeSetupTokens(trx: Database, tokenHash: string | null) {
  const used = await trx
    .updateTable('setup_tokens')
    .set({ used_at: new Date() })
    .where('used_at', 'is', null)
    .returning('token_hash')
    .execute()
  return tokenHash !== null && used.some((row) => row.token_hash === tokenHash)
}

export interface NewPractice {
  name: string
  slug: string
  timeZone: string
  country: string
  currency: string
}

export interface NewLocation extends ContactChange {
  name: string
  hours: { weekday: number; opens: string; closes: string }[]
}

/** The practice, whose contact details are its first location's until the office edits them. */
export async function insertPractice(trx: Database, practice: NewPractice, first: NewLocation) {
  const row = await trx
    .insertInto('practices')
    .values({
      name: practice.name,
      slug: practice.slug,
      time_zone: practice.timeZone,
      country: practice.country,
      currency: practice.currency,
      ...contactColumns(first),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const practiceId = Number(row.id)
  // A new practice asks its administrators for a second factor from the start (issue 17); the
  // demo practice is made elsewhere and keeps it optional, so its sign-ins work as written.
  await trx
    .insertInto('portal_settings')
    .values({ practice_id: practiceId, second_factor_admins: true })
    .execute()
  return practiceId
}

export async function insertLocation(
  trx: Database,
  practiceId: number,
  location: NewLocation,
  settings: { country: string; timeZone: string },
) {
  const row = await trx
    .insertInto('clinics')
    .values({
      practice_id: practiceId,
      name: location.name,
      country: settings.country,
      time_zone: settings.timeZone,
      ...contactColumns(location),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

export async function insertHours(
  trx: Database,
  practiceId: number,
  clinicId: number | null,
  hours: NewLocation['hours'],
) {
  if (hours.length === 0) return
  await trx
    .insertInto('business_hours')
    .values(hours.map((slot) => ({ practice_id: practiceId, clinic_id: clinicId, ...slot })))
    .execute()
}
