import type { Database } from '../../platform/db/database.ts'
import { patientRows } from '../queries.ts'

/**
 * Where to tell of a new message about a patient: the email of each portal user who can read
 * it (the patient's own, and their representatives'), each address once.
 */
export async function notificationAddresses(db: Database, practiceId: number, patientId: number) {
  const rows = await db
    .selectFrom('portal_users')
    .innerJoin('patients', 'patients.id', 'portal_users.patient_id')
    .select('patients.email')
    .distinct()
    .where('portal_users.practice_id', '=', practiceId)
    .where('portal_users.removed_at', 'is', null)
    .where('patients.email', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('portal_users.patient_id', '=', patientId),
        eb(
          'portal_users.patient_id',
          'in',
          patientRows(db, 'patient_representatives', practiceId, patientId).select(
            'representative_id',
          ),
        ),
      ]),
    )
    .execute()
  return rows.flatMap((row) => (row.email ? [row.email] : []))
}

export async function notificationSettings(db: Database, practiceId: number) {
  return db
    .selectFrom('portal_settings')
    .select(['webmail_notification_subject', 'webmail_notification_body'])
    .where('practice_id', '=', practiceId)
    .executeTakeFirst()
}
