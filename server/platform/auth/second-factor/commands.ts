import type { Database } from '../../db/database.ts'
import { Conflict, Invalid } from '../../http/problems.ts'
import type { SecretBox } from '../../mail/secrets.ts'
import type { SessionOwner } from '../sessions.ts'
import { hashToken, newToken } from '../tokens.ts'
import {
  claimTotpStep,
  deleteAllFactors,
  findApp,
  ownerColumns,
  ownerKey,
  spendRecoveryCode,
  upsertUnconfirmedApp,
} from './queries.ts'
import {
  kindOfCode,
  newRecoveryCode,
  newTotpKey,
  normalRecoveryCode,
  RECOVERY_CODE_COUNT,
  REMEMBER_BROWSER_DAYS,
  totpStep,
  totpUri,
} from './rules.ts'

export interface FactorOwner {
  owner: SessionOwner
  practiceId: number
}

/**
 * Starts adding an authenticator app: a new key, sealed in the database, shown once as a QR code
 * and as text. It counts only once a code from the app is typed back (confirmApp).
 */
export async function startAppEnrollment(
  db: Database,
  secrets: SecretBox,
  { owner, practiceId }: FactorOwner,
  names: { issuer: string; label: string },
) {
  const key = newTotpKey()
  if (!(await upsertUnconfirmedApp(db, practiceId, owner, secrets.seal(key)))) {
    throw new Conflict('An authenticator app is already set up. Remove it first to add another.')
  }
  const uri = totpUri(key, names.issuer, names.label)
  // The QR code library loads with the first enrollment, not at every start.
  const { default: QRCode } = await import('qrcode')
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 2 })
  return { key, uri, qrSvg }
}

/** Confirms the app with a code from it; answers the new recovery codes (shown once). */
export async function confirmApp(
  db: Database,
  secrets: SecretBox,
  factorOwner: FactorOwner,
  typed: string,
  now = new Date(),
) {
  const { owner } = factorOwner
  const app = await findApp(db, owner)
  if (!app || app.confirmed_at) throw new Conflict('Start adding an authenticator app first.')
  const key = app.sealed_secret ? secrets.open(app.sealed_secret) : undefined
  const step = key === undefined ? null : totpStep(key, typed, now)
  if (step === null || !(await claimTotpStep(db, app.id, step, now))) {
    throw new Invalid('That code is not right. Type the code your app shows now.', {
      code: 'That code is not right.',
    })
  }
  return db.transaction().execute(async (tx) => {
    await tx
      .updateTable('second_factors')
      .set({ confirmed_at: now })
      .where('id', '=', app.id)
      .execute()
    return replaceRecoveryCodes(tx, factorOwner)
  })
}

/** New recovery codes: the old ones stop working; only the hashes of the new are kept. */
export async function replaceRecoveryCodes(db: Database, { owner, practiceId }: FactorOwner) {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode)
  const { column, id } = ownerKey(owner)
  await db.deleteFrom('recovery_codes').where(column, '=', id).execute()
  await db
    .insertInto('recovery_codes')
    .values(
      codes.map((code) => ({
        practice_id: practiceId,
        ...ownerColumns(owner),
        code_hash: hashToken(normalRecoveryCode(code)),
      })),
    )
    .execute()
  return codes
}

/**
 * Checks a typed second-factor answer: an app's code (refused when its step was used already)
 * or a recovery code (used up by this answer). Answers which one passed, or null.
 */
export async function checkSecondFactorCode(
  db: Database,
  secrets: SecretBox,
  owner: SessionOwner,
  typed: string,
  now = new Date(),
): Promise<'totp' | 'recovery' | null> {
  if (kindOfCode(typed) === 'recovery') {
    const normal = normalRecoveryCode(typed)
    if (normal.length !== 10) return null
    return (await spendRecoveryCode(db, owner, normal, now)) ? 'recovery' : null
  }
  const app = await findApp(db, owner)
  if (!app?.confirmed_at || !app.sealed_secret) return null
  const key = secrets.open(app.sealed_secret)
  const step = key === undefined ? null : totpStep(key, typed, now)
  if (step === null) return null
  return (await claimTotpStep(db, app.id, step, now)) ? 'totp' : null
}

/** Removes the authenticator app (and, with no factor left, the recovery codes). */
export async function removeApp(db: Database, owner: SessionOwner) {
  return db.transaction().execute(async (tx) => {
    const app = await findApp(tx, owner)
    if (!app) return false
    await tx.deleteFrom('second_factors').where('id', '=', app.id).execute()
    const { column, id } = ownerKey(owner)
    const left = await tx
      .selectFrom('second_factors')
      .select('id')
      .where(column, '=', id)
      .where('confirmed_at', 'is not', null)
      .executeTakeFirst()
    if (!left) await deleteAllFactors(tx, owner)
    return true
  })
}

/** "Remember this browser": a token for a 30-day cookie; only its hash is stored. */
export async function rememberBrowser(db: Database, { owner, practiceId }: FactorOwner, now: Date) {
  const token = newToken()
  await db
    .insertInto('remembered_browsers')
    .values({
      practice_id: practiceId,
      ...ownerColumns(owner),
      token_hash: hashToken(token),
      created_at: now,
      expires_at: new Date(now.getTime() + REMEMBER_BROWSER_DAYS * 86_400_000),
    })
    .execute()
  return token
}
