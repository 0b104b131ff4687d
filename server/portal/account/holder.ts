import type { PortalContext } from '../../platform/auth/portal-guard.ts'
import type { Database } from '../../platform/db/database.ts'
import { findHolder } from './queries.ts'
import { accountHolderId, accountHolderName, mayViewAccount } from './rules.ts'

type Access = PortalContext & {
  patientId: number
  patient: { id: number; guarantor_id: number | null }
}

/**
 * The account a patient's tab shows, which is the family guarantor's: the access to read and
 * audit it with (about the holder), and whether this user may see it at all.
 */
export function accountAccess(access: Access) {
  const holderId = accountHolderId(access.patient)
  return {
    holder: { ...access, patientId: holderId },
    visible: mayViewAccount(holderId, access.patientIds),
  }
}

/** The holder's name as the tab shows it; from the family when the holder is in it. */
export async function accountHolderNameOf(db: Database, access: Access, holderId: number) {
  const holder =
    access.family.find((member) => member.id === holderId) ??
    (await findHolder(db, access.user.practice_id, holderId))
  return holder ? accountHolderName(holder) : ''
}
