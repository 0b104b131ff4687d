import sharp from 'sharp'
import type { Database } from '../platform/db/database.ts'
import type { FileStorage } from '../platform/files/storage.ts'
import {
  FAMILY_PASSWORD,
  seedPatient,
  seedPortalUser,
  seedPractice,
  seedRepresentation,
} from './fixtures.ts'

export { FAMILY_PASSWORD }

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * The Garcias and the Smiths, people only: Maria represents Luis, Sofia and Mateo (Archived) and
 * is the family's guarantor; Ann Smith is another family of the same practice. Maria, Luis and
 * Ann sign in to the portal (FAMILY_PASSWORD).
 */
export async function seedGarciaFamily(db: Database, { practiceId }: { practiceId: number }) {
  const maria = await seedPatient(db, { practiceId, first_name: 'Maria', last_name: 'Garcia' })
  const family = (first: string, extra = {}) =>
    seedPatient(db, {
      practiceId,
      first_name: first,
      last_name: 'Garcia',
      guarantor_id: maria,
      ...extra,
    })
  const luis = await family('Luis')
  const sofia = await family('Sofia', { birthdate: '2017-01-05' })
  const mateo = await family('Mateo', { status: 'Archived' })
  await db.updateTable('patients').set({ guarantor_id: maria }).where('id', '=', maria).execute()
  const smith = await seedPatient(db, { practiceId, first_name: 'Ann', last_name: 'Smith' })
  await seedRepresentation(db, {
    practiceId,
    representativeId: maria,
    patientIds: [luis, sofia, mateo],
  })
  const users = {
    maria: await seedPortalUser(db, { practiceId, patientId: maria, username: 'maria.garcia' }),
    luis: await seedPortalUser(db, { practiceId, patientId: luis, username: 'luis.garcia' }),
    ann: await seedPortalUser(db, { practiceId, patientId: smith, username: 'ann.smith' }),
  }

  return { patients: { maria, luis, sofia, mateo, smith }, users }
}

/**
 * The Garcia family (seedGarciaFamily) with something on every tab, relative to `now`, in a
 * practice of its own.
 */
export async function seedFamilyWithRecords(
  db: Database,
  { files, now = new Date() }: { files: FileStorage; now?: Date },
) {
  const practiceId = await seedPractice(db)
  const clinic = await db
    .insertInto('clinics')
    .values({
      practice_id: practiceId,
      name: 'Downtown',
      address1: '12 Main St',
      city: 'Maple Grove',
      region: 'MN',
      postal_code: '55311',
      phone: '763-555-0100',
      time_zone: 'America/Chicago',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const provider = await db
    .insertInto('providers')
    .values({ practice_id: practiceId, first_name: 'Ana', last_name: 'Lindqvist', suffix: 'DDS' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const { patients, users } = await seedGarciaFamily(db, { practiceId })
  const { maria, luis, sofia, mateo, smith } = patients

  const appointment = async (patientId: number, startsAt: Date, extra = {}) => {
    const row = await db
      .insertInto('appointments')
      .values({
        practice_id: practiceId,
        patient_id: patientId,
        clinic_id: clinic.id,
        provider_id: provider.id,
        starts_at: startsAt,
        length_minutes: 60,
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }
  const sofiaNext = await appointment(sofia, new Date(now.getTime() + 3 * DAY), {
    confirmation: 'AwaitingConfirmation',
  })
  await db
    .insertInto('appointment_procedures')
    .values({
      practice_id: practiceId,
      appointment_id: sofiaNext,
      code: 'D1120',
      description: 'Prophylaxis – child',
    })
    .execute()
  const sofiaLater = await appointment(sofia, new Date(now.getTime() + 30 * DAY))
  const sofiaBroken = await appointment(sofia, new Date(now.getTime() + 5 * DAY), {
    status: 'Broken',
  })
  const sofiaPast = await appointment(sofia, new Date(now.getTime() - 90 * DAY), {
    status: 'Complete',
    confirmation: 'Confirmed',
  })
  const sofiaPastMissed = await appointment(sofia, new Date(now.getTime() - 2 * DAY), {
    confirmation: 'AwaitingConfirmation',
  })
  for (let index = 1; index <= 22; index++) {
    await appointment(luis, new Date(now.getTime() - index * 30 * DAY), { status: 'Complete' })
  }

  const recallType = await db
    .insertInto('recall_types')
    .values({ practice_id: practiceId, description: 'Child prophylaxis', length_minutes: 40 })
    .returning('id')
    .executeTakeFirstOrThrow()
  const recall = await db
    .insertInto('recalls')
    .values({
      practice_id: practiceId,
      patient_id: mateo,
      recall_type_id: recallType.id,
      date_due: new Date(now.getTime() - 10 * DAY).toISOString().slice(0, 10),
      status: 'Invited',
      invited_at: new Date(now.getTime() - 20 * DAY),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const openTimes: number[] = []
  for (const days of [2, 3, 60]) {
    const row = await db
      .insertInto('web_sched_open_times')
      .values({
        practice_id: practiceId,
        clinic_id: clinic.id,
        provider_id: provider.id,
        recall_type_id: recallType.id,
        starts_at: new Date(now.getTime() + days * DAY),
        length_minutes: 40,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    openTimes.push(row.id)
  }

  await files.put('statements/maria-1.pdf', Buffer.from('%PDF-1.4\n% statement\n'))
  const statement = async (date: string, cents: number, pdf: string | null) =>
    (
      await db
        .insertInto('statements')
        .values({
          practice_id: practiceId,
          patient_id: maria,
          statement_date: date,
          balance_cents: cents,
          status: 'Processed',
          pdf_storage_key: pdf,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const olderStatement = await statement('2026-01-10', 12_000, null)
  const latestStatement = await statement('2026-02-10', 4_550, 'statements/maria-1.pdf')
  await db
    .insertInto('payments')
    .values({
      practice_id: practiceId,
      patient_id: maria,
      amount_cents: 7_450,
      method: 'Visa',
      status: 'Posted',
      paid_at: new Date('2026-02-01T15:00:00Z'),
    })
    .execute()

  const plan = async (
    patientId: number,
    heading: string,
    status: 'Saved' | 'Active',
    date: string,
  ) =>
    (
      await db
        .insertInto('treatment_plans')
        .values({
          practice_id: practiceId,
          patient_id: patientId,
          heading,
          status,
          plan_date: date,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const saved = await plan(luis, 'Crown and filling', 'Saved', '2026-02-01')
  await plan(luis, 'Older plan', 'Saved', '2025-06-01')
  await plan(luis, 'Working plan', 'Active', '2026-03-01')
  await db
    .insertInto('treatment_plan_rows')
    .values([
      {
        practice_id: practiceId,
        treatment_plan_id: saved,
        row_order: 1,
        priority: '1',
        tooth: '30',
        code: 'D2740',
        description: 'Crown – porcelain/ceramic',
        fee_cents: 115_000,
        primary_insurance_cents: 57_500,
        patient_portion_cents: 57_500,
      },
      {
        practice_id: practiceId,
        treatment_plan_id: saved,
        row_order: 2,
        priority: '2',
        tooth: '14',
        surface: 'MO',
        code: 'D2392',
        description: 'Resin-based composite – two surfaces, posterior',
        fee_cents: 19_910,
        primary_insurance_cents: 15_928,
        secondary_insurance_cents: 1_991,
        discount_cents: 1,
        patient_portion_cents: 1_990,
      },
    ])
    .execute()

  const category = async (name: string, shown: boolean) =>
    (
      await db
        .insertInto('image_categories')
        .values({ practice_id: practiceId, name, show_in_portal: shown })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const shared = await category('X-rays', true)
  const internal = await category('Insurance', false)
  const png = await sharp({
    create: { width: 600, height: 400, channels: 3, background: { r: 40, g: 40, b: 40 } },
  })
    .png()
    .toBuffer()
  await files.put('documents/xray.png', png)
  await files.put('documents/letter.pdf', Buffer.from('%PDF-1.4\n% letter\n'))
  await files.put('documents/evil.png', Buffer.from('<html><script>alert(1)</script></html>'))
  const document = async (
    patientId: number,
    categoryId: number,
    key: string,
    type: string,
    takenAt: Date,
  ) =>
    (
      await db
        .insertInto('documents')
        .values({
          practice_id: practiceId,
          patient_id: patientId,
          category_id: categoryId,
          description: key,
          file_name: key.split('/')[1] ?? key,
          content_type: type,
          size_bytes: 100,
          sha256: 'x',
          storage_key: key,
          taken_at: takenAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const documents = {
    sofiaLater: await document(
      sofia,
      shared,
      'documents/letter.pdf',
      'application/pdf',
      new Date('2026-02-01'),
    ),
    sofiaEarlier: await document(
      sofia,
      shared,
      'documents/xray.png',
      'image/png',
      new Date('2025-02-01'),
    ),
    sofiaHidden: await document(
      sofia,
      internal,
      'documents/letter.pdf',
      'application/pdf',
      new Date('2025-03-01'),
    ),
    sofiaMislabelled: await document(
      sofia,
      shared,
      'documents/evil.png',
      'image/png',
      new Date('2026-03-01'),
    ),
    mateo: await document(mateo, shared, 'documents/xray.png', 'image/png', new Date('2025-05-01')),
  }

  return {
    practiceId,
    patients: { maria, luis, sofia, mateo, smith },
    /** Portal users' ids. */
    users,
    appointments: { sofiaNext, sofiaLater, sofiaBroken, sofiaPast, sofiaPastMissed },
    recall: recall.id,
    openTimes,
    statements: { olderStatement, latestStatement },
    documents,
  }
}

/**
 * Invites another of the family for the recall Mateo is due for (same type and due date, unless
 * `dateDue` says otherwise; invited 20 days ago unless `invitedAt` does), so that the seeded Web
 * Sched open times are offered to them too. Returns the new recall's id.
 */
export async function inviteForMateosRecall(
  db: Database,
  seeded: { practiceId: number; recall: number },
  patientId: number,
  { dateDue, invitedAt }: { dateDue?: string; invitedAt?: Date } = {},
) {
  const mateos = await db
    .selectFrom('recalls')
    .select(['recall_type_id', 'date_due'])
    .where('id', '=', seeded.recall)
    .executeTakeFirstOrThrow()
  const row = await db
    .insertInto('recalls')
    .values({
      practice_id: seeded.practiceId,
      patient_id: patientId,
      recall_type_id: mateos.recall_type_id,
      date_due: dateDue ?? mateos.date_due,
      status: 'Invited',
      invited_at: invitedAt ?? new Date(Date.now() - 20 * DAY),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
