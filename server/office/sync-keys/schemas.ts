import { Type } from 'typebox'
import { Id, Nullable } from '../../practice/schemas.ts'

export const SyncKeyView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  /** The key's first characters, enough to tell keys apart; never the key. */
  keyPrefix: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
})

export const NewSyncKey = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) })

/** The whole key, answered to the administrator who created it and never again. */
export const CreatedSyncKeyView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  keyPrefix: Type.String(),
  key: Type.String(),
})

export const SyncKeyParams = Type.Object({ keyId: Id })

/** Where new sync events are announced; never the signing secret, which is shown once. */
export const SyncWebhookView = Type.Object({ url: Nullable(Type.String()) })

export const NewSyncWebhook = Type.Object({ url: Type.String({ minLength: 1, maxLength: 2000 }) })

/** The webhook set, with its new signing secret: answered to this administrator this once. */
export const CreatedSyncWebhook = Type.Object({ url: Type.String(), secret: Type.String() })
