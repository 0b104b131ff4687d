import type { Static } from 'typebox'
import type {
  CreatedSyncKeyView,
  CreatedSyncWebhook,
  SyncKeyView,
  SyncWebhookView,
} from '../../../server/office/sync-keys/schemas.ts'
import { deleteJson, postJson, putJson } from '../../ui/api.ts'
import { readQuery } from '../../ui/read-query.ts'

export type SyncKey = Static<typeof SyncKeyView>
/** The whole key, shown once; the server keeps only a hash. */
export type CreatedSyncKey = Static<typeof CreatedSyncKeyView>

export const syncKeysQuery = readQuery<SyncKey[]>(['office', 'sync-keys'], '/api/office/sync-keys')

export function createSyncKey(name: string) {
  return postJson<CreatedSyncKey>('/api/office/sync-keys', { name })
}

export function revokeSyncKey(keyId: number) {
  return deleteJson(`/api/office/sync-keys/${keyId}`)
}

export type SyncWebhook = Static<typeof SyncWebhookView>
/** The webhook just set, with its signing secret: shown once, stored sealed. */
export type CreatedWebhook = Static<typeof CreatedSyncWebhook>

export const syncWebhookQuery = readQuery<SyncWebhook>(
  ['office', 'sync-webhook'],
  '/api/office/sync-webhook',
)

/** Sets the address with a new secret; the same address again rotates the secret. */
export function setSyncWebhook(url: string) {
  return putJson<CreatedWebhook>('/api/office/sync-webhook', { url })
}

export function removeSyncWebhook() {
  return deleteJson('/api/office/sync-webhook')
}
