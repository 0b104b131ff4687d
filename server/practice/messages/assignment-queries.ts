import type { Database } from '../../platform/db/database.ts'
import { practiceRows, updatePracticeRow } from '../../platform/db/rows.ts'

/**
 * The practice's active staff users, who a message can be assigned to: the one rule behind the
 * list the office picks from, the check of a pick and the assignment itself.
 */
function assignableStaff(db: Database, practiceId: number) {
  return practiceRows(db, 'staff_users', practiceId).where('staff_users.is_active', '=', true)
}

export function activeStaff(db: Database, practiceId: number) {
  return assignableStaff(db, practiceId)
    .select(['id', 'display_name'])
    .orderBy('display_name')
    .orderBy('id')
    .execute()
}

/** Whether a staff user of this practice exists and is active. */
export async function activeStaffOfPractice(db: Database, practiceId: number, staffId: number) {
  const row = await assignableStaff(db, practiceId)
    .select('id')
    .where('staff_users.id', '=', staffId)
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
            assignableStaff(db, practiceId).select('id').where('staff_users.id', '=', staffId),
          ),
    )
    .returning('id')
    .execute()
  return rows.length === 1
}
