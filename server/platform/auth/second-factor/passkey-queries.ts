import type { ExpressionBuilder } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { DB } from '../../db/schema.ts'
import type { SessionOwner } from '../sessions.ts'
import { hashToken } from '../tokens.ts'
import { ownerColumns, ownerKey } from './queries.ts'

export type ChallengePurpose = 'register' | 'sign-in' | 'second-factor'
export type Realm = SessionOwner['kind']

/** A challenge to hand a browser: only its hash is kept, and it lapses after five minutes. */
export async function storeChallenge(
  db: Database,
  challenge: { practiceId: number; realm: Realm; purpose: ChallengePurpose; owner?: SessionOwner },
  value: string,
  now: Date,
) {
  // Lapsed challenges go as new ones come; the expiry index keeps this cheap.
  await db
    .deleteFrom('passkey_challenges')
    .where('practice_id', '=', challenge.practiceId)
    .where('expires_at', '<', now)
    .execute()
  await db
    .insertInto('passkey_challenges')
    .values({
      practice_id: challenge.practiceId,
      realm: challenge.realm,
      purpose: challenge.purpose,
      ...(challenge.owner ? ownerColumns(challenge.owner) : {}),
      challenge_hash: hashToken(value),
      expires_at: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
    })
    .execute()
}

export const CHALLENGE_MINUTES = 5

/**
 * Uses a challenge up: the one statement that deletes it decides, so a response sent twice (or
 * two at once) passes at most once. It must be for this practice, realm, purpose and person.
 */
export async function claimChallenge(
  db: Database,
  challenge: { practiceId: number; realm: Realm; purpose: ChallengePurpose; owner?: SessionOwner },
  value: string,
  now: Date,
) {
  let query = db
    .deleteFrom('passkey_challenges')
    .where('challenge_hash', '=', hashToken(value))
    .where('practice_id', '=', challenge.practiceId)
    .where('realm', '=', challenge.realm)
    .where('purpose', '=', challenge.purpose)
    .where('expires_at', '>', now)
  const owner = challenge.owner
  if (owner?.kind === 'portal') query = query.where('portal_user_id', '=', owner.portalUserId)
  else if (owner?.kind === 'office') query = query.where('staff_user_id', '=', owner.staffUserId)
  else query = query.where('portal_user_id', 'is', null).where('staff_user_id', 'is', null)
  const row = await query.returning('id').executeTakeFirst()
  return row !== undefined
}

/** The owner's passkeys, for the browser to offer (and not to register twice). */
export async function ownPasskeys(db: Database, owner: SessionOwner) {
  const { column, id } = ownerKey(owner)
  const rows = await db
    .selectFrom('second_factors')
    .select(['id', 'credential_id', 'transports'])
    .where('kind', '=', 'passkey')
    .where(column, '=', id)
    .execute()
  return rows.flatMap((row) =>
    row.credential_id
      ? [{ id: row.credential_id, transports: splitTransports(row.transports) }]
      : [],
  )
}

export function splitTransports(transports: string) {
  return transports ? transports.split(',') : []
}

/** A passkey by its credential id, within the practice and realm (patients' and staff's apart). */
export async function findPasskey(
  db: Database,
  practiceId: number,
  realm: Realm,
  credentialId: string,
) {
  const query = db
    .selectFrom('second_factors')
    .select([
      'id',
      'portal_user_id',
      'staff_user_id',
      'credential_id',
      'public_key',
      'sign_count',
      'transports',
    ])
    .where('practice_id', '=', practiceId)
    .where('kind', '=', 'passkey')
    .where('credential_id', '=', credentialId)
  return (
    realm === 'portal'
      ? query.where('portal_user_id', 'is not', null)
      : query.where('staff_user_id', 'is not', null)
  ).executeTakeFirst()
}

export async function insertPasskey(
  db: Database,
  practiceId: number,
  owner: SessionOwner,
  passkey: {
    label: string
    credentialId: string
    publicKey: string
    signCount: number
    transports: string[]
  },
  now: Date,
) {
  const row = await db
    .insertInto('second_factors')
    .values({
      practice_id: practiceId,
      ...ownerColumns(owner),
      kind: 'passkey',
      label: passkey.label,
      credential_id: passkey.credentialId,
      public_key: passkey.publicKey,
      sign_count: passkey.signCount,
      transports: passkey.transports.join(','),
      confirmed_at: now,
      created_at: now,
    })
    .onConflict((conflict) => conflict.column('credential_id').doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id
}

/**
 * Records a use of the passkey with the authenticator's new signature counter, in one statement
 * that also checks it: a counter that did not move forward (a cloned authenticator, or a
 * response raced with another) is refused. Authenticators that keep no counter send 0 always.
 */
export async function advanceSignCount(
  db: Database,
  factorId: number,
  signCount: number,
  now: Date,
) {
  const row = await db
    .updateTable('second_factors')
    .set({ sign_count: signCount, last_used_at: now })
    .where('id', '=', factorId)
    .where('sign_count', signCount === 0 ? '=' : '<', signCount)
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/** The row of passkey `id`, when it is one of the owner's. */
function ownPasskey(owner: SessionOwner, id: number) {
  const { column, id: ownerId } = ownerKey(owner)
  return (eb: ExpressionBuilder<DB, 'second_factors'>) =>
    eb.and([eb('id', '=', id), eb('kind', '=', 'passkey'), eb(column, '=', ownerId)])
}

/** Renames one of the owner's passkeys; false when it is not theirs. */
export async function renamePasskey(db: Database, owner: SessionOwner, id: number, label: string) {
  const row = await db
    .updateTable('second_factors')
    .set({ label })
    .where(ownPasskey(owner, id))
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

export async function deletePasskey(db: Database, owner: SessionOwner, id: number) {
  const row = await db
    .deleteFrom('second_factors')
    .where(ownPasskey(owner, id))
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}
