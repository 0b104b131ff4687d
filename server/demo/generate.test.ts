import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '../platform/auth/passwords.ts'
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '../platform/db/testing.ts'
import { LocalFileStorage } from '../platform/files/storage.ts'
import { useTestDatabase } from '../testing/suite.ts'
import { ageOn, ClinicClock } from './dates.ts'
import { countDemoRows, ensureDemoPractice, generateDemoPractice } from './generate.ts'
import { DEMO_TIME_ZONE } from './practice.ts'
import { DEMO_SIGN_INS } from './sign-ins.ts'

// A fixed day, so the assertions below never depend on when the suite runs.
const TODAY = '2025-03-14'
const PATIENTS = 80

const passwordOf = (username: string) =>
  DEMO_SIGN_INS.find((signIn) => signIn.username === username)?.password as string

async function tempStorage() {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-demo-'))
  return { root, files: new LocalFileStorage(root) }
}

describe('the demo calendar', () => {
  it('turns clinic wall time into the right instant across daylight saving', () => {
    const clock = new ClinicClock('America/Chicago')
    expect(clock.at('2025-01-15', 9 * 60).toISOString()).toBe('2025-01-15T15:00:00.000Z')
    expect(clock.at('2025-07-15', 9 * 60).toISOString()).toBe('2025-07-15T14:00:00.000Z')
  })
})

describeEachDatabase('demo practice', (kind) => {
  const suite = useTestDatabase(kind)
  let storage: Awaited<ReturnType<typeof tempStorage>>
  let practiceId: number
  let counts: Record<string, number>

  beforeAll(async () => {
    storage = await tempStorage()
    // Through ensureDemoPractice, as a first start does; the last test checks a second start.
    const first = await ensureDemoPractice(suite.db, storage.files, {
      patients: PATIENTS,
      today: TODAY,
    })
    expect(first).toEqual({ created: true })
    const practice = await suite.db.selectFrom('practices').select('id').executeTakeFirstOrThrow()
    practiceId = practice.id
    counts = await countDemoRows(suite.db, practiceId)
  }, 120_000)

  afterAll(async () => {
    if (storage) await fs.rm(storage.root, { recursive: true, force: true })
  })

  const garcias = () =>
    suite.db
      .selectFrom('patients')
      .selectAll()
      .where('practice_id', '=', practiceId)
      .where('last_name', '=', 'Garcia')
      .orderBy('id')
      .execute()

  const portalUser = (username: string) =>
    suite.db
      .selectFrom('portal_users')
      .selectAll()
      .where('practice_id', '=', practiceId)
      .where('username', '=', username)
      .executeTakeFirstOrThrow()

  it('builds the practice with two clinics, four providers and its settings', async () => {
    const practice = await suite.db
      .selectFrom('practices')
      .selectAll()
      .where('id', '=', practiceId)
      .executeTakeFirstOrThrow()
    expect(practice.name).toBe('Maple Grove Dental')
    expect(practice.currency).toBe('USD')
    expect(counts.clinics).toBe(2)
    expect(counts.providers).toBe(4)
    expect(counts.patients).toBe(PATIENTS)
    const settings = await suite.db
      .selectFrom('portal_settings')
      .selectAll()
      .where('practice_id', '=', practiceId)
      .executeTakeFirstOrThrow()
    expect(settings).toMatchObject({
      feature_make_payments: true,
      payment_processor: 'sandbox',
      feature_account: true,
      feature_webmail: true,
      feature_care_summary: true,
      feature_images: true,
      feature_appointments: true,
      feature_treatment_plan: true,
      idle_timeout_minutes: 15,
      verify_personal_info: false,
    })
    expect(settings.privacy_policy.length).toBeGreaterThan(100)
    const hours = await suite.db
      .selectFrom('business_hours')
      .select('clinic_id')
      .where('practice_id', '=', practiceId)
      .execute()
    expect(new Set(hours.map((row) => row.clinic_id)).size).toBe(3)
  })

  it('has the Garcia family as the README promises', async () => {
    const family = await garcias()
    expect(family.map((p) => p.first_name)).toEqual(['Maria', 'Luis', 'Sofia', 'Mateo'])
    const [maria, luis, sofia, mateo] = family
    expect(family.every((p) => p.guarantor_id === maria?.id)).toBe(true)
    expect(ageOn(sofia?.birthdate as string, TODAY)).toBe(9)
    expect(mateo?.status).toBe('Archived')
    expect(luis?.status).toBe('Patient')

    const represented = await suite.db
      .selectFrom('patient_representatives')
      .select(['representative_id', 'patient_id'])
      .where('practice_id', '=', practiceId)
      .where(
        'representative_id',
        'in',
        family.map((p) => p.id),
      )
      .execute()
    expect(
      represented
        .filter((r) => r.representative_id === maria?.id)
        .map((r) => r.patient_id)
        .sort(),
    ).toEqual([luis?.id, sofia?.id, mateo?.id].sort())
    expect(represented.filter((r) => r.representative_id === luis?.id)).toEqual([])

    const mariaUser = await portalUser('maria.garcia')
    const luisUser = await portalUser('luis.garcia')
    expect(mariaUser.patient_id).toBe(maria?.id)
    expect(luisUser.patient_id).toBe(luis?.id)
    expect(mariaUser.password_is_temporary).toBe(false)
    expect(await verifyPassword(mariaUser.password_hash, passwordOf('maria.garcia'))).toBe(true)
    expect(await verifyPassword(luisUser.password_hash, passwordOf('luis.garcia'))).toBe(true)
  })

  it('gives new.patient an unused one-time password on a patient with details on file', async () => {
    const user = await portalUser('new.patient')
    expect(user.password_is_temporary).toBe(true)
    expect(user.last_sign_in_at).toBeNull()
    expect(await verifyPassword(user.password_hash, passwordOf('new.patient'))).toBe(true)
    const patient = await suite.db
      .selectFrom('patients')
      .selectAll()
      .where('id', '=', user.patient_id)
      .executeTakeFirstOrThrow()
    expect(patient.last_name).not.toBe('Garcia')
    expect(patient.birthdate).toBeTruthy()
    expect(patient.address1).toBeTruthy()
  })

  it('has an admin staff user with the published password', async () => {
    const admin = await suite.db
      .selectFrom('staff_users')
      .selectAll()
      .where('practice_id', '=', practiceId)
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow()
    expect(admin.role).toBe('admin')
    expect(await verifyPassword(admin.password_hash, passwordOf('admin'))).toBe(true)
  })

  it('dates everything relative to today', async () => {
    const family = await garcias()
    const upcoming = await suite.db
      .selectFrom('appointments')
      .select(['starts_at', 'confirmation', 'patient_id'])
      .where('practice_id', '=', practiceId)
      .where('status', '=', 'Scheduled')
      .execute()
    expect(upcoming.length).toBeGreaterThan(0)
    const startOfTomorrow = new ClinicClock(DEMO_TIME_ZONE).at('2025-03-15', 0)
    for (const appointment of upcoming) {
      expect(new Date(appointment.starts_at).getTime()).toBeGreaterThanOrEqual(
        startOfTomorrow.getTime(),
      )
    }
    const garciaIds = new Set(family.map((p) => p.id))
    expect(
      upcoming.some(
        (a) => garciaIds.has(a.patient_id) && a.confirmation === 'AwaitingConfirmation',
      ),
    ).toBe(true)
    const past = await suite.db
      .selectFrom('appointments')
      .select('starts_at')
      .where('practice_id', '=', practiceId)
      .where('status', '=', 'Complete')
      .execute()
    for (const appointment of past) {
      expect(new Date(appointment.starts_at).getTime()).toBeLessThan(startOfTomorrow.getTime())
    }
    const invited = await suite.db
      .selectFrom('recalls')
      .select('patient_id')
      .where('practice_id', '=', practiceId)
      .where('status', '=', 'Invited')
      .where('scheduled_appointment_id', 'is', null)
      .execute()
    expect(invited.some((r) => garciaIds.has(r.patient_id))).toBe(true)
    const openTimes = await suite.db
      .selectFrom('web_sched_open_times')
      .select(['starts_at', 'clinic_id'])
      .where('practice_id', '=', practiceId)
      .execute()
    expect(new Set(openTimes.map((t) => t.clinic_id)).size).toBe(2)
    expect(openTimes.every((t) => new Date(t.starts_at) > startOfTomorrow)).toBe(true)
  })

  it('keeps treatment plan rows consistent', async () => {
    const rows = await suite.db
      .selectFrom('treatment_plan_rows')
      .selectAll()
      .where('practice_id', '=', practiceId)
      .execute()
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(row.patient_portion_cents).toBe(
        row.fee_cents -
          row.primary_insurance_cents -
          row.secondary_insurance_cents -
          row.discount_cents,
      )
      expect(row.patient_portion_cents).toBeGreaterThanOrEqual(0)
      expect(row.code).toMatch(/^D\d{4}$/)
    }
    const statuses = await suite.db
      .selectFrom('treatment_plans')
      .select('status')
      .distinct()
      .where('practice_id', '=', practiceId)
      .execute()
    expect(statuses.map((s) => s.status).sort()).toEqual(['Active', 'Inactive', 'Saved'])
  })

  it('stores real statement PDFs and images', async () => {
    const statement = await suite.db
      .selectFrom('statements')
      .select('pdf_storage_key')
      .where('practice_id', '=', practiceId)
      .where('patient_id', '=', (await garcias())[0]?.id as number)
      .executeTakeFirstOrThrow()
    const pdf = await storage.files.get(statement.pdf_storage_key as string)
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF')

    const images = await suite.db
      .selectFrom('documents')
      .select(['storage_key', 'content_type', 'size_bytes', 'thumbnail_storage_key'])
      .distinct()
      .where('practice_id', '=', practiceId)
      .where('content_type', 'like', 'image/%')
      .execute()
    expect(images.length).toBeGreaterThan(0)
    for (const image of images) {
      const body = await storage.files.get(image.storage_key)
      expect(body.length).toBe(image.size_bytes)
      const metadata = await sharp(body).metadata()
      expect(metadata.width).toBeGreaterThan(100)
      expect(`image/${metadata.format}`).toBe(image.content_type)
      expect(await storage.files.exists(image.thumbnail_storage_key as string)).toBe(true)
    }
  })

  it('fills the rest of the portal: messages with attachments, clinical data, payments', async () => {
    for (const table of [
      'message_attachments',
      'payments',
      'problems',
      'medications',
      'allergies',
      'immunizations',
      'vital_signs',
      'lab_results',
      'clinical_procedures',
      'encounters',
      'smoking_statuses',
      'appointment_procedures',
    ]) {
      expect(counts[table], table).toBeGreaterThan(0)
    }
    const cvx = await suite.db
      .selectFrom('immunizations')
      .select('cvx_code')
      .distinct()
      .where('practice_id', '=', practiceId)
      .execute()
    expect(cvx.map((row) => row.cvx_code)).toEqual(expect.arrayContaining(['03', '08', '20', '88']))
    const directions = await suite.db
      .selectFrom('messages')
      .select('direction')
      .distinct()
      .where('practice_id', '=', practiceId)
      .execute()
    expect(directions).toHaveLength(2)
  })

  it('is ready for care summaries: code systems imported and one summary per Garcia', async () => {
    const imports = await suite.db
      .selectFrom('code_system_imports')
      .select(['system', 'version', 'code_count'])
      .where('practice_id', '=', practiceId)
      .orderBy('system')
      .execute()
    expect(imports.map((row) => row.system)).toEqual(['CVX', 'SNOMEDCT'])
    expect(imports.find((row) => row.system === 'SNOMEDCT')?.version).toBe('demo subset')
    expect(imports.find((row) => row.system === 'CVX')?.code_count).toBeGreaterThan(100)
    const family = await garcias()
    const summaries = await suite.db
      .selectFrom('care_summaries')
      .select(['patient_id', 'reason', 'xml_storage_key', 'effective_at'])
      .where('practice_id', '=', practiceId)
      .execute()
    expect(summaries.map((row) => row.patient_id).sort()).toEqual(family.map((p) => p.id).sort())
    expect(summaries.every((row) => row.reason === 'on_demand')).toBe(true)
    const xml = (await storage.files.get(summaries[0]?.xml_storage_key as string)).toString()
    expect(xml).toContain('<ClinicalDocument')
    expect(xml).toContain('Garcia')
  })

  it('is deterministic: the same seed gives the same people', async () => {
    const other = await createTestDatabase(kind)
    const otherStorage = await tempStorage()
    try {
      const again = await generateDemoPractice(other.db, otherStorage.files, {
        patients: PATIENTS,
        today: TODAY,
      })
      expect(again.counts).toEqual(counts)
      const names = (_db: TestDatabase['db'], id: number) =>
        suite.db
          .selectFrom('patients')
          .select(['external_id', 'first_name', 'last_name', 'birthdate', 'status'])
          .where('practice_id', '=', id)
          .orderBy('external_id')
          .execute()
      expect(await names(other.db, again.practiceId)).toEqual(await names(suite.db, practiceId))
    } finally {
      await other.destroy()
      await fs.rm(otherStorage.root, { recursive: true, force: true })
    }
  }, 120_000)

  it('creates the demo practice only once', async () => {
    const again = await ensureDemoPractice(suite.db, storage.files, { today: TODAY })
    expect(again).toEqual({ created: false })
    const practices = await suite.db.selectFrom('practices').select('id').execute()
    expect(practices).toHaveLength(1)
  })
})
