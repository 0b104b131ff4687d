import { sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import { lockRowById, updateRowById } from '../../db/rows.ts'
import type { SessionOwner } from '../sessions.ts'
import { hashToken } from '../tokens.ts'

/** The owner columns a second-factor row is written with. */
export function ownerColumns(owner: SessionOwner) {
  return owner.kind === 'portal'
    ? { portal_user_id: owner.portalUserId, staff_user_id: null }
    : { portal_user_id: null, staff_user_id: owner.staffUserId }
}

/** The column that names a second-factor row's owner, and the owner's id: for `where`. */
export function ownerKey(owner: SessionOwner) {
  return owner.kind === 'portal'
    ? { column: 'portal_user_id' as const, id: owner.portalUserId }
    : { column: 'staff_user_id' as const, id: owner.staffUserId }
}

type OwnedTable = 'second_factors' | 'recovery_codes' | 'remembered_browsers'

/** Rows of `table` that belong to `owner`. */
function owned<T extends OwnedTable>(db: Database, table: T, owner: SessionOwner) {
  const { column, id } = ownerKey(owner)
  return db.selectFrom(table as OwnedTable).where(column, '=', id)
}

/** The owner's second factors that count (an app confirmed with a code, passkeys). */
/**
 * Locks the person's row for the rest of the transaction: changes to their factors that decide
 * on what else they have (the last one removed, recovery codes for the first) run one at a time.
 */
export async function lockFactorOwner(db: Database, owner: SessionOwner) {
  if (owner.kind === 'portal') await lockRowById(db, 'portal_users', owner.portalUserId)
  else await lockRowById(db, 'staff_users', owner.staffUserId)
}

export async function listFactors(db: Database, owner: SessionOwner) {
  return owned(db, 'second_factors', owner)
    .select(['id', 'kind', 'label', 'created_at', 'last_used_at', 'credential_id', 'transports'])
    .where('confirmed_at', 'is not', null)
    .orderBy('id')
    .execute()
}

export async function hasSecondFactor(db: Database, owner: SessionOwner) {
  const row = await owned(db, 'second_factors', owner)
    .select('id')
    .where('confirmed_at', 'is not', null)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/** The owner's authenticator app, confirmed or not, with its sealed key. */
export async function findApp(db: Database, owner: SessionOwner) {
  return owned(db, 'second_factors', owner)
    .select(['id', 'sealed_secret', 'confirmed_at'])
    .where('kind', '=', 'totp')
    .executeTakeFirst()
}

/**
 * Accepts an app's code for `step` only when it is later than the last step used: one statement,
 * so two requests with the same code cannot both pass (a replay, or a parallel burst).
 */
export async function claimTotpStep(db: Database, factorId: number, step: number, now: Date) {
  const { rows } = await sql<{ id: number }>`
    update second_factors set last_used_step = ${step}, last_used_at = ${now}
    where id = ${factorId} and (last_used_step is null or last_used_step < ${step})
    returning id`.execute(db)
  return rows.length === 1
}

/** Uses a recovery code once: the one statement that marks it used decides. */
export async function spendRecoveryCode(
  db: Database,
  owner: SessionOwner,
  normalCode: string,
  now: Date,
) {
  const { column, id } = ownerKey(owner)
  const used = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where(column, '=', id)
    .where('code_hash', '=', hashToken(normalCode))
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst()
  return used !== undefined
}

export async function countUnusedRecoveryCodes(db: Database, owner: SessionOwner) {
  const row = await owned(db, 'recovery_codes', owner)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

export async function isRememberedBrowser(
  db: Database,
  owner: SessionOwner,
  token: string | undefined,
  now: Date,
) {
  if (!token) return false
  const row = await owned(db, 'remembered_browsers', owner)
    .select('id')
    .where('token_hash', '=', hashToken(token))
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return row !== undefined
}

/** Deletes every second factor, recovery code and remembered browser of the owner. */
export async function deleteAllFactors(db: Database, owner: SessionOwner) {
  const column = owner.kind === 'portal' ? 'portal_user_id' : 'staff_user_id'
  const id = owner.kind === 'portal' ? owner.portalUserId : owner.staffUserId
  const gone = await db
    .deleteFrom('second_factors')
    .where(column, '=', id)
    .returning('id')
    .execute()
  await db.deleteFrom('recovery_codes').where(column, '=', id).execute()
  await db.deleteFrom('remembered_browsers').where(column, '=', id).execute()
  return gone.length
}

export async function setSessionSecondFactorStep(
  db: Database,
  sessionId: number,
  step: 'none' | 'answer' | 'enroll',
) {
  await updateRowById(db, 'sessions', sessionId, { second_factor_step: step })
}

/**
 * Starts (or starts again) adding an authenticator app, in one statement: an unconfirmed app
 * gets the new key, a confirmed one is left alone and nothing is returned. Two enrolments at once
 * (two tabs, a double click) meet on the one-app index instead of racing a delete and an insert.
 */
export async function upsertUnconfirmedApp(
  db: Database,
  practiceId: number,
  owner: SessionOwner,
  sealedSecret: string,
) {
  const column = owner.kind === 'portal' ? 'portal_user_id' : 'staff_user_id'
  const row = await db
    .insertInto('second_factors')
    .values({
      practice_id: practiceId,
      ...ownerColumns(owner),
      kind: 'totp',
      label: 'Authenticator app',
      sealed_secret: sealedSecret,
    })
    .onConflict((conflict) =>
      conflict
        .column(column)
        .where('kind', '=', 'totp')
        .where(column, 'is not', null)
        .doUpdateSet({ sealed_secret: sealedSecret, last_used_step: null, created_at: new Date() })
        .where('second_factors.confirmed_at', 'is', null),
    )
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}
