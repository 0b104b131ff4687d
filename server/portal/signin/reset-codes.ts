import { hashToken, newNumericCode } from '../../platform/auth/tokens.ts'
import type { Database } from '../../platform/db/database.ts'
import { lockRowById } from '../../platform/db/rows.ts'

export const RESET_CODE_MINUTES = 15
export const RESET_CODE_TRIES = 5
/** More requests than this in the code's lifetime send nothing more (mailbox flooding). */
export const RESET_CODES_PER_WINDOW = 3
export const RESET_CODE_DIGITS = 6

// The user id salts the hash, so one leaked table row does not reveal codes of other users.
function codeHash(portalUserId: number, code: string) {
  return hashToken(`${portalUserId}:${code}`)
}

/**
 * Issues a fresh reset code (earlier unused ones stop working), or undefined when this user has
 * asked too often lately. Run it in a transaction with the email that carries the code.
 */
export async function issueResetCode(db: Database, practiceId: number, portalUserId: number) {
  const now = new Date()
  const since = new Date(now.getTime() - RESET_CODE_MINUTES * 60_000)
  // Two requests for one user (two instances' jobs) take turns, so the count below holds.
  await lockRowById(db, 'portal_users', portalUserId)
  const recent = await db
    .selectFrom('password_reset_codes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('portal_user_id', '=', portalUserId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow()
  if (Number(recent.count) >= RESET_CODES_PER_WINDOW) return undefined
  const code = newNumericCode(RESET_CODE_DIGITS)
  await db
    .updateTable('password_reset_codes')
    .set({ used_at: now })
    .where('portal_user_id', '=', portalUserId)
    .where('used_at', 'is', null)
    .execute()
  await db
    .insertInto('password_reset_codes')
    .values({
      practice_id: practiceId,
      portal_user_id: portalUserId,
      code_hash: codeHash(portalUserId, code),
      expires_at: new Date(now.getTime() + RESET_CODE_MINUTES * 60_000),
      created_at: now,
    })
    .execute()
  return code
}

export type CodeCheck = 'ok' | 'wrong' | 'expired'

/**
 * Checks a typed code against the user's live one. Every check uses up one of its tries BEFORE
 * the comparison, in the statement that decides whether a try is left, so a burst of parallel
 * guesses gets no more tries than one guess after another. The code itself is consumed only by
 * `consumeResetCode`, once the new password is set.
 */
export async function checkResetCode(db: Database, portalUserId: number, code: string) {
  const now = new Date()
  const live = await db
    .updateTable('password_reset_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('password_reset_codes')
        .select('id')
        .where('portal_user_id', '=', portalUserId)
        .where('used_at', 'is', null)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1),
    )
    // Re-checked on the row as the update finds it, after any concurrent try has committed.
    .where('attempts', '<', RESET_CODE_TRIES)
    .where('expires_at', '>', now)
    .where('used_at', 'is', null)
    .returning(['id', 'code_hash'])
    .executeTakeFirst()
  if (!live) return { result: 'expired' as CodeCheck }
  if (live.code_hash !== codeHash(portalUserId, code.trim())) {
    return { result: 'wrong' as CodeCheck }
  }
  return { result: 'ok' as CodeCheck, codeId: live.id }
}

/** Uses the code up; false when a parallel request already did (only one may set a password). */
export async function consumeResetCode(db: Database, codeId: number) {
  const result = await db
    .updateTable('password_reset_codes')
    .set({ used_at: new Date() })
    .where('id', '=', codeId)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}
