import { type Selectable, sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'
import { findColumnsById, practiceRow } from '../../platform/db/rows.ts'
import type { DB } from '../../platform/db/schema.ts'
import { patientRows, practicePatient } from '../../practice/queries.ts'

/** The chart tables a care summary lists whole, each ordered by one date. */
type ChartTable =
  | 'problems'
  | 'medications'
  | 'allergies'
  | 'immunizations'
  | 'vital_signs'
  | 'lab_results'
  | 'encounters'
  | 'smoking_statuses'

/** One patient's rows of a chart table, oldest first (then in the order they were written). */
function chartRows<T extends ChartTable>(
  db: Database,
  table: T,
  practiceId: number,
  patientId: number,
  dateColumn: keyof DB[T] & string,
): Promise<Selectable<DB[T]>[]> {
  // Kysely cannot follow a table name that is a type parameter; the signature keeps the table,
  // its date column and the rows typed for callers.
  return patientRows(db, table as 'problems', practiceId, patientId)
    .selectAll()
    .orderBy(dateColumn as 'onset_date')
    .orderBy('id')
    .execute() as Promise<Selectable<DB[T]>[]>
}

/** Awaits a record of promises at once: `{ clinics: Promise<Clinic[]> }` → `{ clinics: Clinic[] }`. */
async function awaitAll<T extends Record<string, Promise<unknown>>>(
  promises: T,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const values = await Promise.all(Object.values(promises))
  const keys = Object.keys(promises)
  return Object.fromEntries(keys.map((key, i) => [key, values[i]])) as {
    [K in keyof T]: Awaited<T[K]>
  }
}

/** Everything a care summary is built from: one patient's chart, their practice and providers. */
export async function loadSummaryRows(db: Database, practiceId: number, patientId: number) {
  const patient = await practicePatient(db, practiceId, patientId).selectAll().executeTakeFirst()
  if (!patient) return undefined
  const rows = await awaitAll({
    practice: db
      .selectFrom('practices')
      .selectAll()
      .where('id', '=', practiceId)
      .executeTakeFirstOrThrow(),
    clinics: db.selectFrom('clinics').selectAll().where('practice_id', '=', practiceId).execute(),
    providers: db
      .selectFrom('providers')
      .selectAll()
      .where('practice_id', '=', practiceId)
      .execute(),
    problems: chartRows(db, 'problems', practiceId, patientId, 'onset_date'),
    medications: chartRows(db, 'medications', practiceId, patientId, 'start_date'),
    allergies: chartRows(db, 'allergies', practiceId, patientId, 'onset_date'),
    immunizations: chartRows(db, 'immunizations', practiceId, patientId, 'administered_on'),
    vitalSigns: chartRows(db, 'vital_signs', practiceId, patientId, 'measured_at'),
    labResults: chartRows(db, 'lab_results', practiceId, patientId, 'observed_at'),
    procedures: patientRows(db, 'clinical_procedures', practiceId, patientId)
      .selectAll()
      .where('status', '!=', 'Planned')
      .orderBy('performed_on')
      .orderBy('id')
      .execute(),
    encounters: chartRows(db, 'encounters', practiceId, patientId, 'encounter_date'),
    smokingStatuses: chartRows(db, 'smoking_statuses', practiceId, patientId, 'recorded_on'),
    plannedProcedures: savedPlanRows(db, practiceId, patientId),
  })
  return { patient, ...rows }
}

/** The rows of the patient's saved plans, newest plan first, each plan's rows in order. */
function savedPlanRows(db: Database, practiceId: number, patientId: number) {
  // Saved plans only: the PMS's working (Active) plan never reaches the patient.
  return patientRows(db, 'treatment_plans', practiceId, patientId)
    .innerJoin('treatment_plan_rows', 'treatment_plan_rows.treatment_plan_id', 'treatment_plans.id')
    .select([
      'treatment_plan_rows.id',
      'treatment_plans.heading',
      'treatment_plans.plan_date',
      'treatment_plan_rows.row_order',
      'treatment_plan_rows.priority',
      'treatment_plan_rows.tooth',
      'treatment_plan_rows.surface',
      'treatment_plan_rows.code',
      'treatment_plan_rows.description',
    ])
    .where('treatment_plan_rows.practice_id', '=', practiceId)
    .where('treatment_plans.status', '=', 'Saved')
    .orderBy('treatment_plans.plan_date', 'desc')
    .orderBy('treatment_plans.id', 'desc')
    .orderBy('treatment_plan_rows.row_order')
    .execute()
}

export type SummaryRows = NonNullable<Awaited<ReturnType<typeof loadSummaryRows>>>

export async function findAppointment(db: Database, appointmentId: number) {
  return db
    .selectFrom('appointments')
    .select(['id', 'practice_id', 'patient_id', 'status', 'provider_id', 'clinic_id'])
    .where('id', '=', appointmentId)
    .executeTakeFirst()
}

/**
 * The appointment, its row locked until the transaction ends: two jobs for the same visit then
 * take turns, and the second finds the first one's summary.
 */
export async function lockAppointment(trx: Database, appointmentId: number) {
  return trx
    .selectFrom('appointments')
    .select(['id', 'practice_id', 'patient_id', 'status'])
    .where('id', '=', appointmentId)
    .forUpdate()
    .executeTakeFirst()
}

export async function insertCareSummary(
  db: Database,
  row: {
    practiceId: number
    patientId: number
    appointmentId: number | null
    reason: 'visit' | 'on_demand'
    documentId: string
    effectiveAt: Date
    storageKey: string
    sha256: string
    rangeFrom: string | null
    rangeTo: string | null
  },
) {
  return db
    .insertInto('care_summaries')
    .values({
      practice_id: row.practiceId,
      patient_id: row.patientId,
      appointment_id: row.appointmentId,
      reason: row.reason,
      document_id: row.documentId,
      effective_at: row.effectiveAt,
      xml_storage_key: row.storageKey,
      sha256: row.sha256,
      range_from: row.rangeFrom,
      range_to: row.rangeTo,
    })
    .returning(['id', 'effective_at', 'reason', 'document_id', 'range_from', 'range_to'])
    .executeTakeFirstOrThrow()
}

export async function visitSummaryExists(db: Database, appointmentId: number) {
  const row = await db
    .selectFrom('care_summaries')
    .select('id')
    .where('appointment_id', '=', appointmentId)
    .where('reason', '=', 'visit')
    .executeTakeFirst()
  return row !== undefined
}

export async function listCareSummaries(db: Database, practiceId: number, patientId: number) {
  return patientRows(db, 'care_summaries', practiceId, patientId)
    .select(['id', 'effective_at', 'reason', 'appointment_id', 'range_from', 'range_to'])
    .orderBy('effective_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute()
}

export async function findCareSummary(
  db: Database,
  practiceId: number,
  patientId: number,
  summaryId: number,
) {
  return patientRows(db, 'care_summaries', practiceId, patientId)
    .select([
      'id',
      'effective_at',
      'reason',
      'document_id',
      'xml_storage_key',
      'sha256',
      'range_from',
      'range_to',
    ])
    .where('id', '=', summaryId)
    .executeTakeFirst()
}

export async function findPractice(db: Database, practiceId: number) {
  return findColumnsById(db, 'practices', practiceId, ['name', 'time_zone'])
}

/** Audit actions shown in the patient's summary activity history. */
export const SUMMARY_ACTIVITY_ACTIONS = [
  'summary.viewed',
  'summary.downloaded',
  'summary.transmitted',
] as const

/**
 * Who viewed, downloaded or sent this patient's summaries, newest first, with the person
 * behind each portal user and, for transmissions, the email's recipient and delivery state.
 */
export async function listSummaryActivity(db: Database, practiceId: number, patientId: number) {
  return patientRows(db, 'audit_events', practiceId, patientId)
    .leftJoin('portal_users', 'portal_users.id', 'audit_events.portal_user_id')
    .leftJoin('patients as actor', 'actor.id', 'portal_users.patient_id')
    .leftJoin('staff_users', 'staff_users.id', 'audit_events.staff_user_id')
    .leftJoin('outgoing_emails', (join) =>
      join
        .onRef(
          'outgoing_emails.id',
          '=',
          sql<number>`case when audit_events.action = 'summary.transmitted'
            then (audit_events.details->>'emailId')::bigint end`,
        )
        .on('outgoing_emails.practice_id', '=', practiceId),
    )
    .select([
      'audit_events.id',
      'audit_events.action',
      'audit_events.occurred_at',
      'audit_events.actor_type',
      'audit_events.target_id',
      'audit_events.details',
      'portal_users.username',
      'actor.first_name as actor_first_name',
      'actor.last_name as actor_last_name',
      'staff_users.display_name as staff_name',
      'outgoing_emails.id as email_id',
      'outgoing_emails.to_address',
      'outgoing_emails.status as email_status',
      'outgoing_emails.error as email_error',
    ])
    .where('audit_events.action', 'in', [...SUMMARY_ACTIVITY_ACTIONS])
    .orderBy('audit_events.occurred_at', 'desc')
    .orderBy('audit_events.id', 'desc')
    .limit(500)
    .execute()
}

/**
 * A summary email sent for this patient: the transmission's audit event is what ties the
 * email to the patient, so another family's email id answers like one that does not exist.
 */
export async function findTransmission(
  db: Database,
  practiceId: number,
  patientId: number,
  emailId: number,
) {
  return practiceRow(db, 'outgoing_emails', practiceId, emailId)
    .innerJoin('audit_events', (join) =>
      join
        .on('audit_events.action', '=', 'summary.transmitted')
        .on('audit_events.practice_id', '=', practiceId)
        .on('audit_events.patient_id', '=', patientId)
        .onRef(sql<number>`(audit_events.details->>'emailId')::bigint`, '=', 'outgoing_emails.id'),
    )
    .select([
      'outgoing_emails.id',
      'outgoing_emails.to_address',
      'outgoing_emails.status',
      'outgoing_emails.error',
      'outgoing_emails.created_at',
      'outgoing_emails.sent_at',
      'audit_events.target_id',
      'audit_events.details',
    ])
    .executeTakeFirst()
}
