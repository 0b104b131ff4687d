import type { Database } from '../../platform/db/database.ts'
import { Invalid, NotFound } from '../../platform/http/problems.ts'
import type { SecretBox } from '../../platform/mail/secrets.ts'
import { removeWebhook } from '../../sync/events/queries.ts'
import { configureWebhook } from '../../sync/events/webhooks.ts'
import { createSyncKey, revokeSyncKey } from '../../sync/keys.ts'
import type { StaffActor } from '../staff-audit.ts'

/** A key's row, or the practice's webhook (one a practice, so the practice's id names it). */
type SyncTarget = { type: 'sync_api_key' | 'sync_webhook'; id: number }

function audit(
  trx: Database,
  actor: StaffActor,
  action: string,
  target: SyncTarget,
  name?: string,
) {
  return actor.audit.record(trx, action, {
    target,
    // The name only: the key itself is never written anywhere but the one answer.
    ...(name ? { details: { name } } : {}),
  })
}

const keyTarget = (keyId: number): SyncTarget => ({ type: 'sync_api_key', id: keyId })
const webhookTarget = (actor: StaffActor): SyncTarget => ({
  type: 'sync_webhook',
  id: actor.staff.practice_id,
})

/** A new key for the practice's PMS, returned whole this once (it is stored hashed). */
export async function createPracticeSyncKey(db: Database, actor: StaffActor, wantedName: string) {
  const name = wantedName.trim()
  if (!name)
    throw new Invalid('Name the key.', { name: 'Name the key, e.g. after the PMS server.' })
  return db.transaction().execute(async (trx) => {
    const created = await createSyncKey(trx, actor.staff.practice_id, name)
    await audit(trx, actor, 'sync_key.created', keyTarget(created.id), name)
    return created
  })
}

/** Revokes a key at once: the next request with it is refused. Revoking again is a 404. */
export async function revokePracticeSyncKey(db: Database, actor: StaffActor, keyId: number) {
  await db.transaction().execute(async (trx) => {
    if (!(await revokeSyncKey(trx, actor.staff.practice_id, keyId))) {
      throw new NotFound('No such key, or it is revoked already.')
    }
    await audit(trx, actor, 'sync_key.revoked', keyTarget(keyId))
  })
}

/**
 * Sets the practice's webhook address with a new signing secret (setting the same address again
 * rotates the secret: the old one stops signing at once). The secret is answered this once.
 */
export async function setPracticeWebhook(
  db: Database,
  secrets: SecretBox,
  actor: StaffActor,
  url: string,
) {
  return db.transaction().execute(async (trx) => {
    const webhook = await configureWebhook(trx, secrets, actor.staff.practice_id, url.trim())
    await audit(trx, actor, 'sync_webhook.set', webhookTarget(actor))
    return webhook
  })
}

/** Stops announcing events. Removing when there is none is a 404. */
export async function removePracticeWebhook(db: Database, actor: StaffActor) {
  await db.transaction().execute(async (trx) => {
    if (!(await removeWebhook(trx, actor.staff.practice_id)))
      throw new NotFound('No webhook is set.')
    await audit(trx, actor, 'sync_webhook.removed', webhookTarget(actor))
  })
}
