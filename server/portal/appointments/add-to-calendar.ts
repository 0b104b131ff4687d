import type { Database } from '../../platform/db/database.ts'
import { Conflict, NotFound } from '../../platform/http/problems.ts'
import type { PatientAccess } from '../audit-read.ts'
import { appointmentIcs } from './calendar.ts'
import { findAppointment, findPracticeForCalendar } from './queries.ts'
import { isUpcoming } from './rules.ts'
import { appointmentView, calendarLocation } from './view.ts'

/** "Add to calendar": an .ics file for one of the patient's upcoming visits. */
export async function appointmentCalendarFile(
  db: Database,
  access: PatientAccess,
  { appointmentId, timeZone, now }: { appointmentId: number; timeZone: string; now: Date },
): Promise<string> {
  const practiceId = access.user.practice_id
  const row = await findAppointment(db, practiceId, access.patientId, appointmentId)
  if (!row) throw new NotFound('No such appointment.')
  const facts = { status: row.status, confirmation: row.confirmation, startsAt: row.starts_at }
  if (!isUpcoming(facts, now)) {
    throw new Conflict('Only upcoming appointments can be added to a calendar.')
  }
  const practice = await findPracticeForCalendar(db, practiceId)
  const view = appointmentView(row, timeZone, now)
  return appointmentIcs({
    id: row.id,
    practiceSlug: practice.slug,
    startsAt: row.starts_at,
    lengthMinutes: row.length_minutes,
    practiceName: practice.name,
    location: calendarLocation(view),
    phone: view.clinic?.phone ?? practice.phone,
  })
}
