import { recordAudit } from '../../platform/audit/audit.ts'
import type { Database } from '../../platform/db/database.ts'
import { Invalid, NotFound } from '../../platform/http/problems.ts'
import { createSyncKey, revokeSyncKey } from '../../sync/keys.ts'
import type { StaffActor } from '../administrator.ts'

function audit(trx: Database, actor: StaffActor, action: string, keyId: number, name?: string) {
  return recordAudit(trx, {
    practiceId: actor.practiceId,
    actor: { type: 'staff_user', staffUserId: actor.staffId },
    action,
    targetType: 'sync_api_key',
    targetId: keyId,
    ip: actor.ip,
    // The name only: the key itself is never written anywhere but the one answer.
    ...(name ? { details: { name } } : {}),
  })
}

/** A new key for the practice's PMS, returned whole this once (it is stored hashed). */
export async function createPracticeSyncKey(db: Database, actor: StaffActor, wantedName: string) {
  const name = wantedName.trim()
  if (!name)
    throw new Invalid('Name the key.', { name: 'Name the key, e.g. after the PMS server.' })
  return db.transaction().execute(async (trx) => {
    const created = await createSyncKey(trx, actor.practiceId, name)
    await audit(trx, actor, 'sync_key.created', created.id, name)
    return created
  })
}

/** Revokes a key at once: the next request with it is refused. Revoking again is a 404. */
export async function revokePracticeSyncKey(db: Database, actor: StaffActor, keyId: number) {
  await db.transaction().execute(async (trx) => {
    if (!(await revokeSyncKey(trx, actor.practiceId, keyId))) {
      throw new NotFound('No such key, or it is revoked already.')
    }
    await audit(trx, actor, 'sync_key.revoked', keyId)
  })
}
