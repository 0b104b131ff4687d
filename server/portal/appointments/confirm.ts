import type { Database } from '../../platform/db/database.ts'
import { Conflict, NotFound } from '../../platform/http/problems.ts'
import { queueSyncEventWithExternalIds } from '../../sync/outbox.ts'
import type { Auditor, PatientAccess } from '../audit-read.ts'
import { type AppointmentRow, confirmAppointment, findAppointment } from './queries.ts'
import { confirmDecision } from './rules.ts'

/**
 * The patient confirms an upcoming visit: the change, its sync event and audit row together.
 * Confirming again changes nothing and answers the same; a visit that is not upcoming is a 409.
 */
export async function confirmVisit(
  db: Database,
  access: PatientAccess,
  audit: Auditor,
  { appointmentId, now }: { appointmentId: number; now: Date },
): Promise<AppointmentRow> {
  const practiceId = access.user.practice_id
  const row = await findAppointment(db, practiceId, access.patientId, appointmentId)
  if (!row) throw new NotFound('No such appointment.')
  const decision = confirmDecision(
    { status: row.status, confirmation: row.confirmation, startsAt: row.starts_at },
    now,
  )
  if (decision === 'not-upcoming') {
    throw new Conflict('Only upcoming appointments can be confirmed.')
  }
  if (decision === 'confirm') {
    await db.transaction().execute(async (trx) => {
      await confirmAppointment(trx, row.id, access.user.id, now)
      await queueSyncEventWithExternalIds(trx, {
        practiceId,
        kind: 'appointment.confirmed',
        entityType: 'appointment',
        entityId: row.id,
        payload: { appointmentId: row.id, confirmedAt: now.toISOString() },
        externalIds: {
          appointmentExternalId: ['appointments', row.id],
          patientExternalId: ['patients', access.patientId],
        },
      })
      await audit.record(trx, 'appointment.confirmed', {
        target: { type: 'appointment', id: row.id },
      })
    })
  }
  const fresh = await findAppointment(db, practiceId, access.patientId, row.id)
  if (!fresh) throw new NotFound('No such appointment.')
  return fresh
}
