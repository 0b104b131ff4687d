import type { Database } from '../../platform/db/database.ts'
import { Conflict, NotFound, Problem } from '../../platform/http/problems.ts'
import { queueSyncEventWithExternalIds } from '../../sync/outbox.ts'
import type { Auditor, PatientAccess } from '../audit-read.ts'
import {
  type AppointmentRow,
  claimOpenTime,
  findAppointment,
  findOpenTime,
  findRecall,
  insertBookedAppointment,
  listOwnVisits,
  lockPatientForBooking,
  markRecallScheduled,
  recallFacts,
} from './queries.ts'
import { clashesWithOwnVisits, recallNeedsScheduling } from './rules.ts'

export class OpenTimeTaken extends Problem {
  constructor() {
    super(
      409,
      'open-time-taken',
      'Just taken',
      'Someone booked this time a moment ago. Please choose another time.',
    )
  }
}

export class ClashesWithOwnVisit extends Problem {
  constructor() {
    super(
      409,
      'time-clashes-with-visit',
      'You have a visit then',
      'You already have an appointment at this time. Please choose another time.',
    )
  }
}

export interface BookRecall {
  recallId: number
  openTimeId: number
  now: Date
}

/**
 * Web Sched: books a recall into an open time for the patient, with its sync event and audit
 * row, all or nothing. Whether the time is still free is decided by the claim alone, never by a
 * read; the patient's row is locked first, so two bookings for one patient check their visits
 * one after the other.
 */
export async function bookRecall(
  db: Database,
  access: PatientAccess,
  audit: Auditor,
  { recallId, openTimeId, now }: BookRecall,
): Promise<AppointmentRow> {
  const practiceId = access.user.practice_id
  const { patientId } = access
  const recall = await findRecall(db, practiceId, patientId, recallId)
  if (!recall) throw new NotFound('No such recall.')
  if (!recallNeedsScheduling(recallFacts(recall))) {
    throw new Conflict('This recall is already scheduled.')
  }
  const openTime = await findOpenTime(db, practiceId, openTimeId)
  if (!openTime || openTime.recall_type_id !== recall.recall_type_id) {
    throw new NotFound('No such open time.')
  }
  // Whether it is still free is decided by the claim below, never by this read.
  if (openTime.starts_at <= now) throw new OpenTimeTaken()
  const time = { startsAt: openTime.starts_at, lengthMinutes: openTime.length_minutes }
  const appointmentId = await db.transaction().execute(async (trx) => {
    await lockPatientForBooking(trx, practiceId, patientId)
    if (clashesWithOwnVisits(time, await listOwnVisits(trx, practiceId, patientId, now))) {
      throw new ClashesWithOwnVisit()
    }
    const id = await insertBookedAppointment(trx, {
      practiceId,
      patientId,
      clinicId: openTime.clinic_id,
      providerId: openTime.provider_id,
      startsAt: openTime.starts_at,
      lengthMinutes: openTime.length_minutes,
      description: recall.description,
    })
    if (!(await claimOpenTime(trx, openTime.id, id))) throw new OpenTimeTaken()
    if (!(await markRecallScheduled(trx, recall.id, id))) {
      throw new Conflict('This recall is already scheduled.')
    }
    await queueSyncEventWithExternalIds(trx, {
      practiceId,
      kind: 'recall.booked',
      entityType: 'appointment',
      entityId: id,
      payload: {
        appointmentId: id,
        startsAt: openTime.starts_at.toISOString(),
        lengthMinutes: openTime.length_minutes,
        bookedAt: now.toISOString(),
      },
      externalIds: {
        patientExternalId: ['patients', patientId],
        recallExternalId: ['recalls', recall.id],
        providerExternalId: ['providers', openTime.provider_id],
        clinicExternalId: ['clinics', openTime.clinic_id],
        openTimeExternalId: ['web-sched-open-times', openTime.id],
      },
    })
    await audit.record(trx, 'appointment.booked', { target: { type: 'appointment', id } })
    return id
  })
  const row = await findAppointment(db, practiceId, patientId, appointmentId)
  if (!row) throw new NotFound('No such appointment.')
  return row
}
