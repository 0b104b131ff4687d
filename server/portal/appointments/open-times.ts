import type { Database } from '../../platform/db/database.ts'
import { NotFound } from '../../platform/http/problems.ts'
import type { PatientAccess } from '../audit-read.ts'
import { findRecall, listOpenTimes, listOwnVisits } from './queries.ts'
import { clashesWithOwnVisits, OPEN_TIME_WEEKS } from './rules.ts'

/**
 * The open times Web Sched offers for one of the patient's recalls over the next weeks, leaving
 * out any that shares a minute with one of the patient's own visits.
 */
export async function offeredOpenTimes(
  db: Database,
  access: PatientAccess,
  recallId: number,
  now: Date,
) {
  const practiceId = access.user.practice_id
  const recall = await findRecall(db, practiceId, access.patientId, recallId)
  if (!recall) throw new NotFound('No such recall.')
  const until = new Date(now.getTime() + OPEN_TIME_WEEKS * 7 * 86_400_000)
  const [offered, own] = await Promise.all([
    listOpenTimes(db, practiceId, recall.recall_type_id, now, until),
    listOwnVisits(db, practiceId, access.patientId, now),
  ])
  return offered.filter(
    (row) =>
      !clashesWithOwnVisits({ startsAt: row.starts_at, lengthMinutes: row.length_minutes }, own),
  )
}
