import { recordAudit } from '../../platform/audit/audit.ts'
import { hashPassword } from '../../platform/auth/passwords.ts'
import { hashToken, newToken } from '../../platform/auth/tokens.ts'
import type { Database } from '../../platform/db/database.ts'
import { Conflict, Forbidden, Invalid } from '../../platform/http/problems.ts'
import { insertStaffUser } from '../staff/queries.ts'
import {
  anyPracticeExists,
  consumeSetupTokens,
  insertHours,
  insertLocation,
  insertPractice,
  lockSetup,
  type NewLocation,
  storeSetupToken,
} from './queries.ts'
import { practiceSlug, setupErrors, setupLink } from './rules.ts'

export interface PracticeSetup {
  practice: { name: string; timeZone: string; country: string; currency: string }
  locations: NewLocation[]
  admin: { username: string; displayName: string; password: string }
}

/**
 * A one-time setup link while no practice exists, or null once one does. A new token on each
 * start is fine: setting up a practice uses up all of them.
 */
export async function issueSetupLink(db: Database, publicUrl: string): Promise<string | null> {
  if (await anyPracticeExists(db)) return null
  const token = newToken()
  await storeSetupToken(db, hashToken(token))
  return setupLink(publicUrl, token)
}

/**
 * Creates the practice, its locations and its first administrator in one transaction. From the
 * setup page `token` is the link's; `npm run setup` (someone at the server) passes null. Under
 * the setup lock the first setup wins: any other finds a practice, or its token used, and is refused.
 */
export async function setUpPractice(
  db: Database,
  setup: PracticeSetup,
  { token, ip }: { token: string | null; ip?: string },
) {
  const input = trimmed(setup)
  const errors = setupErrors(input)
  if (Object.keys(errors).length > 0) {
    throw new Invalid('Please check the highlighted fields.', errors)
  }
  const passwordHash = await hashPassword(input.admin.password)
  return db.transaction().execute(async (trx) => {
    await lockSetup(trx)
    if (await anyPracticeExists(trx)) {
      throw new Conflict('A practice is set up already. Sign in to the office console.')
    }
    const tokenValid = await consumeSetupTokens(trx, token === null ? null : hashToken(token))
    if (token !== null && !tokenValid) {
      throw new Forbidden(
        'This setup link is not valid. Use the newest link Bitewing printed when it started.',
      )
    }
    const [first, ...others] = input.locations as [NewLocation, ...NewLocation[]]
    const practiceId = await insertPractice(
      trx,
      { ...input.practice, slug: practiceSlug(input.practice.name) },
      first,
    )
    await insertHours(trx, practiceId, null, first.hours)
    for (const location of [first, ...others]) {
      const clinicId = await insertLocation(trx, practiceId, location, input.practice)
      await insertHours(trx, practiceId, clinicId, location.hours)
    }
    const adminId = await insertStaffUser(trx, {
      practiceId,
      username: input.admin.username,
      displayName: input.admin.displayName,
      role: 'admin',
      passwordHash,
      // The administrator typed this password: it is their own.
      passwordIsTemporary: false,
    })
    await recordAudit(trx, {
      practiceId,
      actor: token === null ? { type: 'system' } : { type: 'staff_user', staffUserId: adminId },
      action: 'practice.set_up',
      targetType: 'staff_user',
      targetId: adminId,
      ...(ip ? { ip } : {}),
      details: {
        via: token === null ? 'command' : 'setup-link',
        locations: input.locations.length,
      },
    })
    return {
      practiceId,
      adminId,
      practiceName: input.practice.name,
      username: input.admin.username,
    }
  })
}

const blankToNull = (value: string | null) => (value?.trim() ? value.trim() : null)

function trimmed(setup: PracticeSetup): PracticeSetup {
  return {
    practice: {
      name: setup.practice.name.trim(),
      timeZone: setup.practice.timeZone.trim(),
      country: setup.practice.country.trim().toUpperCase(),
      currency: setup.practice.currency.trim().toUpperCase(),
    },
    locations: setup.locations.map((location) => ({
      name: location.name.trim(),
      phone: blankToNull(location.phone),
      email: blankToNull(location.email),
      address1: blankToNull(location.address1),
      address2: blankToNull(location.address2),
      city: blankToNull(location.city),
      region: blankToNull(location.region),
      postalCode: blankToNull(location.postalCode),
      npi: blankToNull(location.npi ?? null),
      hours: location.hours,
    })),
    admin: {
      ...setup.admin,
      username: setup.admin.username.trim(),
      displayName: setup.admin.displayName.trim(),
    },
  }
}
