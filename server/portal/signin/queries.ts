import type { Database } from '../../platform/db/database.ts'

/**
 * The practice whose portal this installation serves before anyone signs in: the oldest one.
 * (Several practices on one installation get their own portal address in a later step.)
 */
export async function findPortalPractice(db: Database) {
  return db
    .selectFrom('practices')
    .leftJoin('portal_settings', 'portal_settings.practice_id', 'practices.id')
    .select([
      'practices.id',
      'practices.name',
      'practices.currency',
      'portal_settings.feature_make_payments',
      'portal_settings.payment_processor',
    ])
    .orderBy('practices.id')
    .limit(1)
    .executeTakeFirst()
}

export async function listVisibleClinics(db: Database, practiceId: number) {
  return db
    .selectFrom('clinics')
    .select(['id', 'name', 'online_payments_enabled'])
    .where('practice_id', '=', practiceId)
    .where('is_hidden', '=', false)
    .orderBy('name')
    .execute()
}
