import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Database } from './database.ts'
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './testing.ts'

/**
 * Migration 0005: a row of one practice cannot point at another practice's row, whoever writes
 * it. For every reference between practice-owned tables, a row whose references all stay in
 * practice A is accepted, and the same row with that one reference moved to practice B's
 * parent is refused with a foreign-key violation.
 */

type Parents = Awaited<ReturnType<typeof seedParents>>
type Row = Record<string, unknown>

const DAY = '2026-01-15'
const NOW = new Date('2026-01-15T15:00:00Z')

const ownerOf = (p: Parents, column: string) =>
  column === 'staff_user_id' ? { staff_user_id: p.staff } : { portal_user_id: p.portalUser }

/** A valid row of each child table, all of whose references are the given practice's parents. */
const ROWS: Record<string, (p: Parents, column: string) => Row> = {
  allergies: (p) => ({ patient_id: p.patient, allergen: 'Penicillin' }),
  appointment_procedures: (p) => ({
    appointment_id: p.appointment,
    code: 'D1110',
    description: 'Prophylaxis',
  }),
  appointments: (p) => ({
    patient_id: p.patient,
    clinic_id: p.clinic,
    provider_id: p.provider,
    hygienist_id: p.provider,
    confirmed_by_portal_user_id: p.portalUser,
    starts_at: NOW,
    length_minutes: 30,
  }),
  business_hours: (p) => ({ clinic_id: p.clinic, weekday: 1, opens: '09:00', closes: '17:00' }),
  care_summaries: (p) => ({
    patient_id: p.patient,
    appointment_id: p.appointment,
    reason: 'on_demand',
    document_id: 'doc',
    effective_at: NOW,
    xml_storage_key: 'summaries/x.xml',
    sha256: 'x',
  }),
  clinical_procedures: (p) => ({
    patient_id: p.patient,
    appointment_id: p.appointment,
    provider_id: p.provider,
    code: 'D1110',
    description: 'Prophylaxis',
    performed_on: DAY,
  }),
  code_system_imports: (p) => ({
    system: 'CVX',
    version: '1',
    code_count: 0,
    imported_by_staff_id: p.staff,
  }),
  documents: (p) => ({
    patient_id: p.patient,
    category_id: p.imageCategory,
    file_name: 'x.png',
    content_type: 'image/png',
    size_bytes: 1,
    sha256: 'x',
    storage_key: 'documents/x.png',
    taken_at: NOW,
  }),
  encounters: (p) => ({
    patient_id: p.patient,
    appointment_id: p.appointment,
    provider_id: p.provider,
    clinic_id: p.clinic,
    encounter_date: DAY,
    description: 'Visit',
  }),
  immunizations: (p) => ({
    patient_id: p.patient,
    cvx_code: '03',
    vaccine: 'MMR',
    administered_on: DAY,
  }),
  lab_results: (p) => ({
    patient_id: p.patient,
    loinc_code: '1-8',
    test_name: 'Test',
    value: '1',
    observed_at: NOW,
  }),
  medications: (p) => ({ patient_id: p.patient, description: 'Ibuprofen' }),
  message_attachments: (p) => ({
    message_id: p.message,
    file_name: 'x.pdf',
    content_type: 'application/pdf',
    size_bytes: 1,
    storage_key: 'messages/x.pdf',
    document_id: p.document,
  }),
  messages: (p) => ({
    patient_id: p.patient,
    direction: 'ToPatient',
    sender_portal_user_id: p.portalUser,
    sender_staff_user_id: p.staff,
    provider_id: p.provider,
    in_reply_to_id: p.message,
    read_by_staff_user_id: p.staff,
    assigned_staff_id: p.staff,
    subject: 'Hello',
    body: 'Hello',
  }),
  password_reset_codes: (p) => ({ portal_user_id: p.portalUser, code_hash: 'x', expires_at: NOW }),
  patient_representatives: (p) => ({ representative_id: p.patient, patient_id: p.child }),
  patients: (p) => ({
    first_name: 'New',
    last_name: 'Patient',
    guarantor_id: p.patient,
    clinic_id: p.clinic,
    primary_provider_id: p.provider,
  }),
  payment_cards: (p) => ({
    patient_id: p.patient,
    processor_token: 'tok',
    brand: 'Visa',
    last4: '4242',
    exp_month: 1,
    exp_year: 2030,
    consented_by_portal_user_id: p.portalUser,
  }),
  payment_attempts: (p) => ({
    idempotency_key: `key-${randomBytes(6).toString('hex')}`,
    patient_id: p.patient,
    payer_patient_id: p.child,
    statement_id: p.statement,
    portal_user_id: p.portalUser,
    payment_id: p.payment,
    amount_cents: 100,
    currency: 'USD',
    processor: 'sandbox',
  }),
  payment_refunds: (p) => ({
    payment_attempt_id: p.paymentAttempt,
    amount_cents: 100,
    reason: 'Asked',
    staff_id: p.staff,
  }),
  payments: (p) => ({
    patient_id: p.patient,
    statement_id: p.statement,
    made_by_portal_user_id: p.portalUser,
    posted_by_staff_id: p.staff,
    amount_cents: 100,
    method: 'Visa',
    payment_attempt_id: p.paymentAttempt,
  }),
  portal_settings: (p) => ({ updated_by_staff_id: p.staff }),
  portal_users: (p) => ({
    patient_id: p.child,
    username: 'child',
    password_hash: 'x',
    created_by_staff_id: p.staff,
  }),
  // A second factor, recovery code or remembered browser is a portal user's or a staff member's.
  second_factors: (p, column) => ({
    ...ownerOf(p, column),
    kind: 'totp',
    sealed_secret: 'sealed',
  }),
  recovery_codes: (p, column) => ({ ...ownerOf(p, column), code_hash: 'x' }),
  passkey_challenges: (p, column) => ({
    ...ownerOf(p, column),
    challenge_hash: `c-${randomBytes(6).toString('hex')}`,
    purpose: 'register',
    realm: column === 'staff_user_id' ? 'office' : 'portal',
    expires_at: NOW,
  }),
  remembered_browsers: (p, column) => ({
    ...ownerOf(p, column),
    token_hash: `t-${randomBytes(6).toString('hex')}`,
    expires_at: NOW,
  }),
  problems: (p) => ({ patient_id: p.patient, description: 'Caries' }),
  providers: (p) => ({ first_name: 'New', last_name: 'Provider', clinic_id: p.clinic }),
  recalls: (p) => ({
    patient_id: p.patient,
    recall_type_id: p.recallType,
    date_due: DAY,
    scheduled_appointment_id: p.appointment,
  }),
  sessions: (p, column) => ({
    ...(column === 'staff_user_id' ? { staff_user_id: p.staff } : { portal_user_id: p.portalUser }),
    token_hash: randomBytes(16).toString('hex'),
    expires_at: NOW,
    idle_timeout_minutes: 15,
  }),
  smoking_statuses: (p) => ({
    patient_id: p.patient,
    snomed_code: '8517006',
    description: 'Former smoker',
    recorded_on: DAY,
  }),
  staff_users: (p) => ({
    username: 'new.staff',
    password_hash: 'x',
    display_name: 'New',
    role: 'provider',
    provider_id: p.provider,
  }),
  statements: (p) => ({ patient_id: p.patient, statement_date: DAY, balance_cents: 0 }),
  treatment_plan_rows: (p) => ({
    treatment_plan_id: p.treatmentPlan,
    row_order: 1,
    code: 'D2740',
    description: 'Crown',
  }),
  treatment_plans: (p) => ({ patient_id: p.patient, heading: 'Plan', plan_date: DAY }),
  vital_signs: (p) => ({ patient_id: p.patient, measured_at: NOW }),
  web_sched_open_times: (p) => ({
    clinic_id: p.clinic,
    provider_id: p.provider,
    recall_type_id: p.recallType,
    starts_at: NOW,
    length_minutes: 30,
    booked_appointment_id: p.appointment,
  }),
}

/** Every reference between practice-owned tables, as `table.column`. */
const REFERENCES = [
  'allergies.patient_id',
  'appointment_procedures.appointment_id',
  'appointments.patient_id',
  'appointments.clinic_id',
  'appointments.provider_id',
  'appointments.hygienist_id',
  'appointments.confirmed_by_portal_user_id',
  'business_hours.clinic_id',
  'care_summaries.patient_id',
  'care_summaries.appointment_id',
  'clinical_procedures.patient_id',
  'clinical_procedures.appointment_id',
  'clinical_procedures.provider_id',
  'code_system_imports.imported_by_staff_id',
  'documents.patient_id',
  'documents.category_id',
  'encounters.patient_id',
  'encounters.appointment_id',
  'encounters.provider_id',
  'encounters.clinic_id',
  'immunizations.patient_id',
  'lab_results.patient_id',
  'medications.patient_id',
  'message_attachments.message_id',
  'message_attachments.document_id',
  'messages.patient_id',
  'messages.sender_portal_user_id',
  'messages.sender_staff_user_id',
  'messages.provider_id',
  'messages.in_reply_to_id',
  'password_reset_codes.portal_user_id',
  'patient_representatives.representative_id',
  'patient_representatives.patient_id',
  'patients.guarantor_id',
  'patients.clinic_id',
  'patients.primary_provider_id',
  'payment_cards.patient_id',
  'payments.patient_id',
  'payments.statement_id',
  'payments.made_by_portal_user_id',
  'payments.posted_by_staff_id',
  'portal_settings.updated_by_staff_id',
  'portal_users.patient_id',
  'portal_users.created_by_staff_id',
  'problems.patient_id',
  'providers.clinic_id',
  'recalls.patient_id',
  'recalls.recall_type_id',
  'recalls.scheduled_appointment_id',
  'sessions.portal_user_id',
  'sessions.staff_user_id',
  'smoking_statuses.patient_id',
  'staff_users.provider_id',
  'statements.patient_id',
  'treatment_plan_rows.treatment_plan_id',
  'treatment_plans.patient_id',
  'vital_signs.patient_id',
  'web_sched_open_times.clinic_id',
  'web_sched_open_times.provider_id',
  'web_sched_open_times.recall_type_id',
  'web_sched_open_times.booked_appointment_id',
  'messages.read_by_staff_user_id',
  'passkey_challenges.portal_user_id',
  'passkey_challenges.staff_user_id',
  'payment_attempts.patient_id',
  'payment_attempts.payer_patient_id',
  'payment_attempts.statement_id',
  'payment_attempts.portal_user_id',
  'payment_attempts.payment_id',
  'payment_cards.consented_by_portal_user_id',
  'payment_refunds.payment_attempt_id',
  'payment_refunds.staff_id',
  'payments.payment_attempt_id',
  'recovery_codes.portal_user_id',
  'recovery_codes.staff_user_id',
  'remembered_browsers.portal_user_id',
  'remembered_browsers.staff_user_id',
  'second_factors.portal_user_id',
  'second_factors.staff_user_id',
  'messages.assigned_staff_id',
]

/** One of every parent row in a practice of its own (no Portal Settings: that row is a child). */
async function seedParents(db: Database, name: string) {
  const id = async (table: string, values: Row) => {
    const row = await sql<{ id: number }>`insert into ${sql.table(table)} ${sql.raw(
      `(${Object.keys(values).join(', ')})`,
    )} values (${sql.join(Object.values(values))}) returning id`.execute(db)
    const found = row.rows[0]?.id
    if (found === undefined) throw new Error(`no ${table} row`)
    return Number(found)
  }
  const practice = await id('practices', {
    name,
    slug: `${name}-${randomBytes(3).toString('hex')}`,
  })
  const of = { practice_id: practice }
  const clinic = await id('clinics', { ...of, name: 'Main' })
  const provider = await id('providers', { ...of, first_name: 'Ana', last_name: 'Lind' })
  const patient = await id('patients', { ...of, first_name: 'Maria', last_name: 'Garcia' })
  const child = await id('patients', { ...of, first_name: 'Luis', last_name: 'Garcia' })
  const staff = await id('staff_users', {
    ...of,
    username: 'admin',
    password_hash: 'x',
    display_name: 'Admin',
    role: 'admin',
  })
  const portalUser = await id('portal_users', {
    ...of,
    patient_id: patient,
    username: 'maria',
    password_hash: 'x',
  })
  const appointment = await id('appointments', {
    ...of,
    patient_id: patient,
    starts_at: NOW,
    length_minutes: 30,
  })
  const recallType = await id('recall_types', { ...of, description: 'Cleaning' })
  const statement = await id('statements', {
    ...of,
    patient_id: patient,
    statement_date: DAY,
    balance_cents: 0,
  })
  const treatmentPlan = await id('treatment_plans', {
    ...of,
    patient_id: patient,
    heading: 'Plan',
    plan_date: DAY,
  })
  const message = await id('messages', {
    ...of,
    patient_id: patient,
    direction: 'ToPractice',
    subject: 'Hi',
    body: 'Hi',
  })
  const imageCategory = await id('image_categories', { ...of, name: 'X-rays' })
  const document = await id('documents', {
    ...of,
    patient_id: patient,
    category_id: imageCategory,
    file_name: 'x.png',
    content_type: 'image/png',
    size_bytes: 1,
    sha256: 'x',
    storage_key: 'documents/x.png',
    taken_at: NOW,
  })
  const payment = await id('payments', {
    ...of,
    patient_id: patient,
    amount_cents: 100,
    method: 'Visa',
  })
  const paymentAttempt = await id('payment_attempts', {
    ...of,
    idempotency_key: `parent-${randomBytes(6).toString('hex')}`,
    patient_id: patient,
    amount_cents: 100,
    currency: 'USD',
    processor: 'sandbox',
  })
  return {
    practice,
    clinic,
    provider,
    patient,
    child,
    staff,
    portalUser,
    appointment,
    recallType,
    statement,
    treatmentPlan,
    message,
    imageCategory,
    document,
    payment,
    paymentAttempt,
  }
}

class RolledBack extends Error {}

/** Inserts the row and undoes it; the error PostgreSQL gave, if it refused. */
async function tryInsert(db: Database, table: string, row: Row): Promise<Error | undefined> {
  try {
    await db.transaction().execute(async (trx) => {
      await sql`insert into ${sql.table(table)} ${sql.raw(`(${Object.keys(row).join(', ')})`)}
        values (${sql.join(Object.values(row))})`.execute(trx)
      throw new RolledBack()
    })
  } catch (error) {
    if (error instanceof RolledBack) return undefined
    return error as Error
  }
  return undefined
}

describeEachDatabase('references stay within one practice', (kind) => {
  let database: TestDatabase
  let a: Parents
  let b: Parents

  beforeAll(async () => {
    database = await createTestDatabase(kind)
    a = await seedParents(database.db, 'a')
    b = await seedParents(database.db, 'b')
  })
  afterAll(async () => {
    await database.destroy()
  })

  it('tests every foreign key between two practice-owned tables, and each includes practice_id', async () => {
    const found = await sql<{ reference: string; columns: string[]; referenced: string[] }>`
      select child.relname || '.' || (
               select attname from pg_attribute
               where attrelid = c.conrelid and attnum = c.conkey[array_length(c.conkey, 1)]
             ) as reference,
             array(select a.attname::text
                   from unnest(c.conkey) with ordinality k (attnum, n)
                   join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
                   order by k.n) as columns,
             array(select a.attname::text
                   from unnest(c.confkey) with ordinality k (attnum, n)
                   join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum
                   order by k.n) as referenced
      from pg_constraint c
      join pg_class child on child.oid = c.conrelid
      join pg_class parent on parent.oid = c.confrelid
      where c.contype = 'f'
        and child.relnamespace = current_schema()::regnamespace
        and parent.relname <> 'practices'
        -- A sync key's rate bucket is a counter, not practice data: it cannot carry another
        -- practice's facts, and its key decides the practice (migration 0011).
        and child.relname <> 'sync_rate_buckets'
        and exists (select 1 from pg_attribute where attrelid = c.confrelid and attname = 'practice_id')
    `.execute(database.db)
    expect(found.rows.map((row) => row.reference).sort()).toEqual([...REFERENCES].sort())
    for (const row of found.rows) {
      expect(row.columns, row.reference).toContain('practice_id')
      expect(row.referenced, row.reference).toEqual(['practice_id', 'id'])
    }
  })

  it.each(REFERENCES)("refuses %s pointing at another practice's row", async (reference) => {
    const [table = '', column = ''] = reference.split('.')
    const build = ROWS[table]
    if (!build) throw new Error(`no row builder for ${table}`)
    const own = { practice_id: a.practice, ...build(a, column) }
    expect(await tryInsert(database.db, table, own), 'the row itself is valid').toBeUndefined()

    const crossing = { ...own, [column]: build(b, column)[column] }
    const error = await tryInsert(database.db, table, crossing)
    expect(error).toBeDefined()
    expect((error as { code?: string }).code).toBe('23503')
    expect(String(error?.message)).toContain(`${table}_${column}_fkey`)
  })
})
