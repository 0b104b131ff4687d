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
