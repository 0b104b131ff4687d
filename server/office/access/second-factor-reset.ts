import { deleteAllFactors } from '../../platform/auth/second-factor/queries.ts'
import type { Database } from '../../platform/db/database.ts'
import { Conflict, NotFound } from '../../platform/http/problems.ts'
import { queueEmail } from '../../platform/mail/outbox.ts'
import type { ActingStaff, StaffAuditor } from '../staff-audit.ts'
import { findPatientAccessOrNotFound, lockPatientAccess } from './queries.ts'
import { hasAccess } from './rules.ts'

/**
 * The office takes away a patient's second factors (a lost phone): the authenticator app,
 * passkeys, recovery codes and remembered browsers go, in one transaction with its audit row, and
 * the patient is told by email (no health information, nothing to click).
 */
export async function resetSecondFactor(
  db: Database,
  staff: ActingStaff & { practiceName: string },
  audit: StaffAuditor,
  { patientId }: { patientId: number },
) {
  const refuse = (row: Awaited<ReturnType<typeof findPatientAccessOrNotFound>>) => {
    if (!hasAccess(row) || row.portal_user_id === null) {
      throw new Conflict('This patient has no online access.')
    }
    return row.portal_user_id
  }
  refuse(await findPatientAccessOrNotFound(db, staff.practice_id, patientId))
  return db.transaction().execute(async (trx) => {
    const row = await lockPatientAccess(trx, staff.practice_id, patientId)
    if (!row) throw new NotFound('No such patient.')
    const portalUserId = refuse(row)
    const removed = await deleteAllFactors(trx, { kind: 'portal', portalUserId })
    if (row.email) {
      await queueEmail(trx, {
        practiceId: staff.practice_id,
        kind: 'second-factor-reset',
        to: row.email,
        subject: 'Your two-step sign-in was reset',
        text: [
          `${staff.practiceName} has removed the two-step sign-in (authenticator app and recovery codes) from your patient portal account, as you asked.`,
          'You can sign in with your password and add an authenticator app again on the Security page.',
          'If you did not ask for this, please call your dental office.',
        ].join('\n\n'),
      })
    }
    await audit.record(trx, 'access.second_factor_reset', {
      patientId: row.id,
      details: { factorsRemoved: removed, patientEmailed: Boolean(row.email) },
    })
    return { factorsRemoved: removed }
  })
}
