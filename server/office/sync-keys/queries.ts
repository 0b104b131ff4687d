import type { Database } from '../../platform/db/database.ts'

export async function listSyncKeys(db: Database, practiceId: number) {
  return db
    .selectFrom('sync_api_keys')
    .select(['id', 'name', 'key_prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('practice_id', '=', practiceId)
    .orderBy((eb) => eb(eb.ref('revoked_at'), 'is', null), 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

export type SyncKeyRow = Awaited<ReturnType<typeof listSyncKeys>>[number]
