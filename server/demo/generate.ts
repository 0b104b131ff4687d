import { sql } from 'kysely'
import { hashPassword } from '../platform/auth/passwords.ts'
import type { Database } from '../platform/db/database.ts'
import type { DB } from '../platform/db/schema.ts'
import type { FileStorage } from '../platform/files/storage.ts'
import { writeFamilies } from './batch.ts'
import type { DemoContext } from './context.ts'
import { ClinicClock, calendarDateIn } from './dates.ts'
import { FamilyDrafts, type StatementDraft } from './drafts.ts'
import { generateFamily } from './family.ts'
import { createDemoFiles, statementPdf, storeFile } from './files.ts'
import { generateGarcias } from './garcia.ts'
import { createPractice, createWebSchedOpenTimes, DEMO_TIME_ZONE } from './practice.ts'
import { createFaker, ExternalIds, reseedForFamily } from './random.ts'
import { DEMO_SIGN_INS } from './sign-ins.ts'
import { prepareDemoSummaries } from './summaries.ts'

export { DEMO_PRACTICE_SLUG } from './practice.ts'

export const DEFAULT_DEMO_SEED = 20_240_917
export const DEFAULT_DEMO_PATIENTS = 200

/** Patients written per transaction: big enough for few round trips, small enough for memory. */
const PATIENTS_PER_CHUNK = 1000
/** Families after this share a sample statement PDF, so large practices don't write 10⁵ files. */
const FAMILIES_WITH_OWN_STATEMENTS = 120

export interface DemoOptions {
  /** Total patients, the Garcias and the new patient included (at least those five). */
  patients?: number
  seed?: number
  /** The day the demo is built around: a Date, or a `YYYY-MM-DD` date in the clinic's zone. */
  today?: Date | string
  onProgress?: (patientsWritten: number, patientsTotal: number) => void
}

export interface DemoResult {
  practiceId: number
  counts: Record<string, number>
}

/**
 * Builds Maple Grove Dental: two clinics, four providers, the Garcia family and their sign-ins,
 * and `patients` patients in families with years of history and upcoming visits, all relative
 * to `today` and the same for the same seed.
 */
export async function generateDemoPractice(
  db: Database,
  files: FileStorage,
  options: DemoOptions = {},
): Promise<DemoResult> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED
  const total = Math.max(options.patients ?? DEFAULT_DEMO_PATIENTS, 5)
  const today =
    typeof options.today === 'string'
      ? options.today
      : calendarDateIn(options.today ?? new Date(), DEMO_TIME_ZONE)
  const faker = createFaker(seed)
  const ids = new ExternalIds()
  const clock = new ClinicClock(DEMO_TIME_ZONE)
  const password = (username: string) =>
    DEMO_SIGN_INS.find((signIn) => signIn.username === username)?.password ?? ''
  const hashing = Promise.all([
    hashPassword(password('maria.garcia')),
    hashPassword(password('new.patient')),
  ])

  const setup = await inTransaction(db, async (trx) => {
    const created = await createPractice(trx, ids)
    await createWebSchedOpenTimes(trx, created, faker, ids, clock, today)
    return created
  })
  const [garcias, newPatient] = await hashing
  const demoFiles = await createDemoFiles(files, setup.practiceId, setup.name)
  const ctx: DemoContext = {
    faker,
    ids,
    setup,
    files: demoFiles,
    clock,
    today,
    drafts: new FamilyDrafts(),
    ownStatementPdfs: true,
  }
  const storeStatement = async (statement: StatementDraft) => {
    if (!statement.pdf) return demoFiles.sampleStatement.key
    const key = `practices/${setup.practiceId}/statements/${statement.external_id}.pdf`
    await storeFile(
      files,
      key,
      'statement.pdf',
      'application/pdf',
      await statementPdf(statement.pdf),
    )
    return key
  }

  const bulkLoad = await maySkipForeignKeyChecks(db)
  let written = 0
  let family = 0
  while (written < total) {
    ctx.drafts = new FamilyDrafts()
    let inChunk = 0
    while (inChunk < PATIENTS_PER_CHUNK && written + inChunk < total) {
      reseedForFamily(faker, seed, family)
      ctx.ownStatementPdfs = family < FAMILIES_WITH_OWN_STATEMENTS
      inChunk +=
        family === 0
          ? generateGarcias(ctx, { garcias, newPatient })
          : generateFamily(ctx, total - written - inChunk)
      family++
    }
    const drafts = ctx.drafts
    await inTransaction(db, async (trx) => {
      // Skips foreign key checks; the change announcements still fire (migration 0009).
      if (bulkLoad) await sql`set local session_replication_role = replica`.execute(trx)
      // Years of completed visits are history, not visits completed now: no summary jobs
      // (migration 0002; the replica role above skips the trigger too, but not every role may).
      await sql`set local bitewing.loading_history = 'on'`.execute(trx)
      await writeFamilies(trx, setup.practiceId, drafts, storeStatement)
    })
    written += inChunk
    options.onProgress?.(written, total)
  }
  // Summaries are dated now when the demo is built for today, else at noon on the given day.
  const summariesAt =
    typeof options.today === 'string' ? clock.at(today, 12 * 60) : (options.today ?? new Date())
  await prepareDemoSummaries(db, files, {
    practiceId: setup.practiceId,
    adminId: setup.staff.admin,
    now: summariesAt,
  })
  // Fresh statistics, or the planner guesses on millions of rows until autovacuum gets round
  // to them (as pg_restore users are told to do after a bulk load).
  await sql`analyze patients, patient_representatives, portal_users, appointments,
    appointment_procedures, recalls, web_sched_open_times, statements, payments, treatment_plans,
    treatment_plan_rows, documents, messages`.execute(db)
  return { practiceId: setup.practiceId, counts: await countDemoRows(db, setup.practiceId) }
}

// Any constant works; it only has to be the same for every instance of the app.
const DEMO_LOCK = 4_742_652

/**
 * Creates the demo practice when the database holds no practice at all; otherwise leaves it be,
 * so a restart reuses yesterday's demo. Instances starting together take turns on a lock.
 */
export async function ensureDemoPractice(
  db: Database,
  files: FileStorage,
  options: DemoOptions = {},
): Promise<{ created: boolean }> {
  return inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(${sql.lit(DEMO_LOCK)})`.execute(trx)
    const existing = await trx.selectFrom('practices').select('id').limit(1).executeTakeFirst()
    if (existing) return { created: false }
    await generateDemoPractice(trx, files, options)
    return { created: true }
  })
}

/**
 * Every reference the generator writes comes from an id the database has just returned, so the
 * per-row foreign-key triggers only cost time (most of it, for 10⁵ patients). Like pg_restore's
 * --disable-triggers, chunks skip them when the role may (superusers, the embedded database);
 * otherwise the checks simply run.
 */
async function maySkipForeignKeyChecks(db: Database): Promise<boolean> {
  const { rows } = await sql<{ superuser: string }>`
    select current_setting('is_superuser') as superuser`.execute(db)
  return rows[0]?.superuser === 'on'
}

function inTransaction<T>(db: Database, work: (trx: Database) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work)
}

/** The practice-owned tables, in the order the CLI prints them. */
export const DEMO_TABLES = [
  'clinics',
  'business_hours',
  'providers',
  'staff_users',
  'portal_settings',
  'procedure_codes',
  'recall_types',
  'image_categories',
  'web_sched_open_times',
  'patients',
  'patient_representatives',
  'portal_users',
  'appointments',
  'appointment_procedures',
  'recalls',
  'statements',
  'payments',
  'treatment_plans',
  'treatment_plan_rows',
  'messages',
  'message_attachments',
  'documents',
  'clinical_procedures',
  'encounters',
  'problems',
  'medications',
  'allergies',
  'immunizations',
  'vital_signs',
  'lab_results',
  'smoking_statuses',
  'code_system_imports',
  'care_summaries',
] as const satisfies readonly (keyof DB)[]

/** Rows per table of one practice. */
export async function countDemoRows(
  db: Database,
  practiceId: number,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of DEMO_TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('practice_id', '=', practiceId)
      .executeTakeFirstOrThrow()
    counts[table] = Number(row.count)
  }
  return counts
}
