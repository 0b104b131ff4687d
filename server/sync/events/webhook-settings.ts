import type { Database } from '../../platform/db/database.ts'
import type { SecretBox } from '../../platform/mail/secrets.ts'
import type { SyncKeyHolder } from '../keys.ts'
import { auditSync } from './feed.ts'
import { findWebhook, removeWebhook } from './queries.ts'
import { configureWebhook } from './webhooks.ts'

/** The webhook as a PMS sees it: where events go; the secret is never shown again. */
export async function readWebhook(db: Database, key: SyncKeyHolder) {
  const webhook = await findWebhook(db, key.practiceId)
  return { url: webhook?.url ?? null }
}

/** Sets the key's practice's webhook with a new secret, shown in this answer only. Audited. */
export async function setWebhook(
  db: Database,
  secrets: SecretBox,
  key: SyncKeyHolder,
  url: string,
) {
  return db.transaction().execute(async (trx) => {
    const created = await configureWebhook(trx, secrets, key.practiceId, url)
    await auditSync(trx, key, 'sync.webhook.set', {})
    return created
  })
}

export async function deleteWebhook(db: Database, key: SyncKeyHolder) {
  await db.transaction().execute(async (trx) => {
    if (await removeWebhook(trx, key.practiceId))
      await auditSync(trx, key, 'sync.webhook.removed', {})
  })
}
