import { sql } from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import type { Database } from '../../platform/db/database.ts'
import type { DB } from '../../platform/db/schema.ts'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { Conflict } from '../../platform/http/problems.ts'
import { inviteForMateosRecall, seedFamilyWithRecords } from '../../testing/family.ts'
import { type SeededFamily, useTestDatabase } from '../../testing/suite.ts'
import { type PatientAccess, portalAuditor } from '../audit-read.ts'
import { bookRecall, OpenTimeTaken } from './book.ts'
import { confirmVisit } from './confirm.ts'

const DAY = 86_400_000
const IP = '203.0.113.7'

/** Booking and confirming as commands: no HTTP, the same checks, rows and audit. */
describeEachDatabase('Appointment commands', (kind) => {
  const store = useTestDatabase(kind)
  let db: Database
  let seeded: SeededFamily

  beforeAll(async () => {
    db = store.db
    seeded = await seedFamilyWithRecords(db, { files: store.files })
  })

  const as = (patientId: number): PatientAccess => ({
    user: { id: seeded.users.maria, practice_id: seeded.practiceId },
    patientId,
  })
  const command = (patientId: number) => {
    const access = as(patientId)
    return [db, access, portalAuditor({ ip: IP }, access)] as const
  }
  const auditRows = (action: string, targetId: number) =>
    db
      .selectFrom('audit_events')
      .select(['portal_user_id', 'patient_id', 'ip', 'target_type'])
      .where('action', '=', action)
      .where('target_id', '=', String(targetId))
      .execute()
  const syncEvents = (kind: string, entityId: number) =>
    db
      .selectFrom('sync_events')
      .select(['entity_type', 'payload'])
      .where('kind', '=', kind)
      .where('entity_id', '=', entityId)
      .execute()
  const newRecall = (patientId: number) =>
    inviteForMateosRecall(db, seeded, patientId, {
      dateDue: new Date(Date.now() - DAY).toISOString().slice(0, 10),
      invitedAt: new Date(Date.now() - DAY),
    })

  it('books a recall with its sync event and audit row, and only once', async () => {
    const openTimeId = seeded.openTimes[2] ?? 0
    const openTime = await db
      .selectFrom('web_sched_open_times')
      .select(['provider_id', 'clinic_id', 'starts_at', 'length_minutes'])
      .where('id', '=', openTimeId)
      .executeTakeFirstOrThrow()
    const pmsIds: [keyof DB, number, string][] = [
      ['patients', seeded.patients.mateo, 'PAT-MATEO'],
      ['recalls', seeded.recall, 'REC-1'],
      ['providers', openTime.provider_id, 'PROV-ANA'],
      ['clinics', openTime.clinic_id, 'CLINIC-1'],
      ['web_sched_open_times', openTimeId, 'SLOT-OP2-0900'],
    ]
    for (const [table, id, externalId] of pmsIds) {
      await sql`update ${sql.table(table)} set external_id = ${externalId} where id = ${id}`.execute(
        db,
      )
    }
    const booked = await bookRecall(...command(seeded.patients.mateo), {
      recallId: seeded.recall,
      openTimeId,
      now: new Date(),
    })
    expect(booked).toMatchObject({ status: 'Scheduled', confirmation: 'Confirmed' })
    expect(await auditRows('appointment.booked', booked.id)).toEqual([
      {
        portal_user_id: seeded.users.maria,
        patient_id: seeded.patients.mateo,
        ip: IP,
        target_type: 'appointment',
      },
    ])
    expect(await syncEvents('recall.booked', booked.id)).toEqual([
      {
        entity_type: 'appointment',
        payload: {
          appointmentId: booked.id,
          patientExternalId: 'PAT-MATEO',
          recallExternalId: 'REC-1',
          providerExternalId: 'PROV-ANA',
          clinicExternalId: 'CLINIC-1',
          openTimeExternalId: 'SLOT-OP2-0900',
          startsAt: openTime.starts_at.toISOString(),
          lengthMinutes: openTime.length_minutes,
          bookedAt: expect.any(String),
        },
      },
    ])
    const again = bookRecall(...command(seeded.patients.mateo), {
      recallId: seeded.recall,
      openTimeId: seeded.openTimes[0] ?? 0,
      now: new Date(),
    })
    await expect(again).rejects.toBeInstanceOf(Conflict)
  })

  it('a time taken meanwhile rolls the whole booking back', async () => {
    const recallId = await newRecall(seeded.patients.luis)
    const openTimeId = seeded.openTimes[1] ?? 0
    // Someone else's booking claimed it after this patient was offered it.
    await db
      .updateTable('web_sched_open_times')
      .set({ booked_appointment_id: seeded.appointments.sofiaLater })
      .where('id', '=', openTimeId)
      .execute()
    const before = await db.selectFrom('audit_events').select('id').execute()
    const booking = bookRecall(...command(seeded.patients.luis), {
      recallId,
      openTimeId,
      now: new Date(),
    })
    await expect(booking).rejects.toBeInstanceOf(OpenTimeTaken)
    const online = await db
      .selectFrom('appointments')
      .select('id')
      .where('patient_id', '=', seeded.patients.luis)
      .where('booked_online', '=', true)
      .execute()
    expect(online).toEqual([])
    const recall = await db
      .selectFrom('recalls')
      .select(['status', 'scheduled_appointment_id'])
      .where('id', '=', recallId)
      .executeTakeFirstOrThrow()
    expect(recall).toEqual({ status: 'Invited', scheduled_appointment_id: null })
    expect(await db.selectFrom('audit_events').select('id').execute()).toEqual(before)
    expect(
      await db.selectFrom('sync_events').select('id').where('kind', '=', 'recall.booked').execute(),
    ).toHaveLength(1)
  })

  it('confirms an upcoming visit once, with its sync event and audit row', async () => {
    const appointmentId = seeded.appointments.sofiaNext
    const now = new Date()
    const confirmed = await confirmVisit(...command(seeded.patients.sofia), { appointmentId, now })
    expect(confirmed.confirmation).toBe('Confirmed')
    const again = await confirmVisit(...command(seeded.patients.sofia), {
      appointmentId,
      now: new Date(),
    })
    expect(again.confirmed_at).toEqual(confirmed.confirmed_at)
    expect(await auditRows('appointment.confirmed', appointmentId)).toEqual([
      {
        portal_user_id: seeded.users.maria,
        patient_id: seeded.patients.sofia,
        ip: IP,
        target_type: 'appointment',
      },
    ])
    expect(await syncEvents('appointment.confirmed', appointmentId)).toEqual([
      {
        entity_type: 'appointment',
        payload: {
          appointmentId,
          appointmentExternalId: null,
          patientExternalId: null,
          confirmedAt: now.toISOString(),
        },
      },
    ])
  })

  it('refuses to confirm a visit that is not upcoming, changing nothing', async () => {
    const appointmentId = seeded.appointments.sofiaPastMissed
    const confirming = confirmVisit(...command(seeded.patients.sofia), {
      appointmentId,
      now: new Date(),
    })
    await expect(confirming).rejects.toBeInstanceOf(Conflict)
    const row = await db
      .selectFrom('appointments')
      .select('confirmation')
      .where('id', '=', appointmentId)
      .executeTakeFirstOrThrow()
    expect(row.confirmation).toBe('AwaitingConfirmation')
    expect(await auditRows('appointment.confirmed', appointmentId)).toEqual([])
    expect(await syncEvents('appointment.confirmed', appointmentId)).toEqual([])
  })
})
