import type { Database } from '../../platform/db/database.ts'
import { practiceRow, updatePracticeRow } from '../../platform/db/rows.ts'

/** The practice's active staff users, who a message can be assigned to. */
export function activeStaff(db: Database, practiceId: number) {
  return db
    .selectFrom('staff_users')
    .select(['id', 'display_name'])
    .where('practice_id', '=', practiceId)
    .where('is_active', '=', true)
    .orderBy('display_name')
    .orderBy('id')
    .execute()
}

/** Whether a staff user of this practice exists and is active. */
export async function activeStaffOfPractice(db: Database, practiceId: number, staffId: number) {
  const row = await practiceRow(db, 'staff_users', practiceId, staffId)
    .select('id')
    .where('is_active', '=', true)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Assigns a patient's message to a staff user (or nobody), in one statement: the colleague must
 * still be an active staff user of the message's practice when the row is written.
 */
export async function assignMessage(
  db: Database,
  practiceId: number,
  messageId: number,
  staffId: number | null,
) {
  const rows = await updatePracticeRow(db, 'messages', practiceId, messageId, {
    assigned_staff_id: staffId,
  })
    .where('direction', '=', 'ToPractice')
    .where((eb) =>
      staffId === null
        ? eb.lit(true)
        : eb.exists(
            eb
              .selectFrom('staff_users')
              .select('id')
              .where('staff_users.practice_id', '=', practiceId)
              .where('staff_users.id', '=', staffId)
              .where('staff_users.is_active', '=', true),
          ),
    )
    .returning('id')
    .execute()
  return rows.length === 1
}
