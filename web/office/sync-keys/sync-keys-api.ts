import type { Static } from 'typebox'
import type { CreatedSyncKeyView, SyncKeyView } from '../../../server/office/sync-keys/schemas.ts'
import { deleteJson, getJson, postJson } from '../../ui/api.ts'

export type SyncKey = Static<typeof SyncKeyView>
/** The whole key, shown once; the server keeps only a hash. */
export type CreatedSyncKey = Static<typeof CreatedSyncKeyView>

export const SYNC_KEYS_KEY = ['office', 'sync-keys'] as const

export function fetchSyncKeys(signal?: AbortSignal) {
  return getJson<SyncKey[]>('/api/office/sync-keys', signal)
}

export function createSyncKey(name: string) {
  return postJson<CreatedSyncKey>('/api/office/sync-keys', { name })
}

export function revokeSyncKey(keyId: number) {
  return deleteJson(`/api/office/sync-keys/${keyId}`)
}
