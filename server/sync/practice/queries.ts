import type { Database } from '../../platform/db/database.ts'

export async function findPracticeIdentity(db: Database, practiceId: number) {
  return db
    .selectFrom('practices')
    .select(['name', 'npi'])
    .where('id', '=', practiceId)
    .executeTakeFirstOrThrow()
}

export async function updatePracticeNpi(db: Database, practiceId: number, npi: string | null) {
  await db.updateTable('practices').set({ npi }).where('id', '=', practiceId).execute()
}
