import { type RawBuilder, sql } from 'kysely'
import { Problem } from '../../platform/http/problems.ts'
import type { SyncContext } from '../collection.ts'

/**
 * Rows that mention an appointment without belonging to it: when the appointment is deleted they
 * stay and lose the mention (a recall is no longer scheduled, a Web Sched time is open again, a
 * charted procedure or visit summary keeps its patient but no longer its visit).
 */
const APPOINTMENT_MENTIONS = [
  ['recalls', 'scheduled_appointment_id'],
  ['web_sched_open_times', 'booked_appointment_id'],
  ['clinical_procedures', 'appointment_id'],
  ['encounters', 'appointment_id'],
  ['care_summaries', 'appointment_id'],
] as const

/** Clears every mention of the practice's appointments that match `which` (a where clause). */
export async function forgetAppointmentsOf(ctx: SyncContext, which: RawBuilder<unknown>) {
  for (const [table, column] of APPOINTMENT_MENTIONS) {
    await sql`update ${sql.table(table)} set ${sql.ref(column)} = null
      where practice_id = ${ctx.practiceId} and ${sql.ref(column)} in (
        select id from appointments where practice_id = ${ctx.practiceId} and ${which})`.execute(
      ctx.db,
    )
  }
}

/**
 * Refuses to delete a row other rows still need (a guarantor, a recall type in use): deleting
 * them too would lose the PMS's data, leaving them would leave them pointing at nothing.
 */
export async function refuseWhileUsed(
  ctx: SyncContext,
  what: string,
  users: { table: string; column: string; label: string; except?: number }[],
  id: number,
) {
  for (const { table, column, label, except } of users) {
    const { rows } = await sql<{ count: number }>`
      select count(*)::int as count from ${sql.table(table)}
      where practice_id = ${ctx.practiceId} and ${sql.ref(column)} = ${id}
        and id is distinct from ${except ?? null}`.execute(ctx.db)
    const count = Number(rows[0]?.count ?? 0)
    if (count > 0) {
      throw new Problem(
        409,
        'still-referenced',
        'Still referenced',
        `This ${what} is still used by ${count} ${label}; send their deletion or change first.`,
      )
    }
  }
}

/** Web Sched times nobody has booked, offered with a clinic or provider that is going away. */
export async function withdrawOpenTimes(ctx: SyncContext, column: string, id: number) {
  await sql`delete from web_sched_open_times
    where practice_id = ${ctx.practiceId} and ${sql.ref(column)} = ${id}
      and booked_appointment_id is null`.execute(ctx.db)
}
