import type { SyncKeyRow } from './queries.ts'

/** A key as the Sync API keys page lists it: its name and prefix, never the key or its hash. */
export function presentSyncKey(row: SyncKeyRow) {
  return {
    id: row.id,
    name: row.name,
    keyPrefix: row.key_prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  }
}
