import type { Insertable } from 'kysely'
import type { Database } from '../platform/db/database.ts'
import type { DB } from '../platform/db/schema.ts'
import type { FamilyDrafts, StatementDraft } from './drafts.ts'

/**
 * Rows per INSERT. PostgreSQL takes at most 65 535 parameters per statement; the widest table
 * (patients) has under 30 columns, so 1 000 rows stay well inside while keeping round trips few.
 */
const ROWS_PER_INSERT = 1000

type Table = keyof DB & string

/** The rows in runs of ROWS_PER_INSERT, one statement each. */
function* perStatement<R>(rows: R[]): Generator<R[]> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    yield rows.slice(start, start + ROWS_PER_INSERT)
  }
}

export async function insertRows<T extends Table>(
  db: Database,
  table: T,
  rows: Insertable<DB[T]>[],
): Promise<void> {
  for (const slice of perStatement(rows)) {
    await db
      .insertInto(table)
      .values(slice as never)
      .execute()
  }
}

/** Inserts and returns external id → id, for the rows that later rows point at. */
async function insertKeyed<T extends Table>(
  db: Database,
  table: T,
  rows: Insertable<DB[T]>[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  for (const slice of perStatement(rows)) {
    const inserted = (await db
      .insertInto(table)
      .values(slice as never)
      .returning(['id', 'external_id'] as never)
      .execute()) as unknown as { id: number; external_id: string }[]
    for (const row of inserted) ids.set(row.external_id, row.id)
  }
  return ids
}

function resolve(ids: Map<string, number>, key: string): number {
  const id = ids.get(key)
  if (id === undefined) throw new Error(`Demo row refers to unknown key ${key}`)
  return id
}

function optional(ids: Map<string, number>, key: string | undefined): number | null {
  return key === undefined ? null : resolve(ids, key)
}

/**
 * Writes a run of families table by table, parents before children, a thousand rows per
 * statement. `statementPdf` stores a statement's PDF and returns its storage key.
 */
export async function writeFamilies(
  db: Database,
  practiceId: number,
  drafts: FamilyDrafts,
  statementPdf: (statement: StatementDraft) => Promise<string>,
): Promise<void> {
  const owned = <R extends { patient: string }>(rows: R[]) =>
    rows.map(({ patient, ...row }) => ({
      ...row,
      practice_id: practiceId,
      patient_id: resolve(patients, patient),
    }))

  // Guarantors first: the rest of the family points at them.
  const heads = drafts.patients.filter((patient) => patient.guarantor === patient.external_id)
  const members = drafts.patients.filter((patient) => patient.guarantor !== patient.external_id)
  const patients = await insertKeyed(
    db,
    'patients',
    heads.map(({ guarantor: _, ...row }) => ({ ...row, practice_id: practiceId })),
  )
  const headIds = heads.map((head) => resolve(patients, head.external_id))
  for (const slice of perStatement(headIds)) {
    await db
      .updateTable('patients')
      .set((eb) => ({ guarantor_id: eb.ref('id') }))
      .where('id', 'in', slice)
      .execute()
  }
  const memberIds = await insertKeyed(
    db,
    'patients',
    members.map(({ guarantor, ...row }) => ({
      ...row,
      practice_id: practiceId,
      guarantor_id: resolve(patients, guarantor),
    })),
  )
  for (const [key, id] of memberIds) patients.set(key, id)

  await insertRows(
    db,
    'patient_representatives',
    drafts.representatives.map(({ representative, patient, ...row }) => ({
      ...row,
      practice_id: practiceId,
      representative_id: resolve(patients, representative),
      patient_id: resolve(patients, patient),
    })),
  )

  // Portal users have no PMS key; they are found again through their patient.
  const portalUsers = new Map<string, number>()
  if (drafts.portalUsers.length > 0) {
    const byPatientId = new Map<number, string>()
    for (const user of drafts.portalUsers)
      byPatientId.set(resolve(patients, user.patient), user.patient)
    for (const slice of perStatement(drafts.portalUsers)) {
      const inserted = await db
        .insertInto('portal_users')
        .values(owned(slice))
        .returning(['id', 'patient_id'])
        .execute()
      for (const row of inserted) portalUsers.set(byPatientId.get(row.patient_id) as string, row.id)
    }
  }

  const appointments = await insertKeyed(
    db,
    'appointments',
    owned(drafts.appointments).map(({ confirmedBy, ...row }) => ({
      ...row,
      confirmed_by_portal_user_id: optional(portalUsers, confirmedBy),
    })),
  )
  await insertRows(
    db,
    'appointment_procedures',
    drafts.appointmentProcedures.map(({ appointment, ...row }) => ({
      ...row,
      practice_id: practiceId,
      appointment_id: resolve(appointments, appointment),
    })),
  )
  await insertRows(
    db,
    'recalls',
    owned(drafts.recalls).map(({ scheduledAppointment, ...row }) => ({
      ...row,
      scheduled_appointment_id: optional(appointments, scheduledAppointment),
    })),
  )
  // What was done or seen at a visit points at it; a record from elsewhere points at none.
  const atVisit = <R extends { patient: string; appointment?: string }>(rows: R[]) =>
    owned(rows).map(({ appointment, ...row }) => ({
      ...row,
      appointment_id: optional(appointments, appointment),
    }))
  await insertRows(db, 'clinical_procedures', atVisit(drafts.clinicalProcedures))
  await insertRows(db, 'encounters', atVisit(drafts.encounters))

  const statementRows = []
  for (const statement of drafts.statements) {
    const { pdf: _, patient, ...row } = statement
    statementRows.push({
      ...row,
      practice_id: practiceId,
      patient_id: resolve(patients, patient),
      pdf_storage_key: await statementPdf(statement),
    })
  }
  const statements = await insertKeyed(db, 'statements', statementRows)
  await insertRows(
    db,
    'payments',
    owned(drafts.payments).map(({ statement, ...row }) => ({
      ...row,
      statement_id: optional(statements, statement),
    })),
  )

  const plans = await insertKeyed(
    db,
    'treatment_plans',
    owned(drafts.plans).map(({ rows: _, ...plan }) => plan),
  )
  await insertRows(
    db,
    'treatment_plan_rows',
    drafts.plans.flatMap((plan) =>
      plan.rows.map((row) => ({
        ...row,
        practice_id: practiceId,
        treatment_plan_id: resolve(plans, plan.external_id),
      })),
    ),
  )

  // Replies point at earlier messages, so threads are written opening message first.
  const messages = new Map<string, number>()
  const openers = drafts.messages.filter((message) => message.inReplyTo === undefined)
  const replies = drafts.messages.filter((message) => message.inReplyTo !== undefined)
  for (const group of [openers, replies]) {
    const inserted = await insertKeyed(
      db,
      'messages',
      owned(group).map(({ senderPortalUser, inReplyTo, attachments: _, ...row }) => ({
        ...row,
        sender_portal_user_id: optional(portalUsers, senderPortalUser),
        in_reply_to_id: optional(messages, inReplyTo),
      })),
    )
    for (const [key, id] of inserted) messages.set(key, id)
  }
  await insertRows(
    db,
    'message_attachments',
    drafts.messages.flatMap((message) =>
      message.attachments.map((file) => ({
        practice_id: practiceId,
        message_id: resolve(messages, message.external_id),
        file_name: file.fileName,
        content_type: file.contentType,
        size_bytes: file.sizeBytes,
        storage_key: file.key,
      })),
    ),
  )

  await insertRows(db, 'documents', owned(drafts.documents))
  await insertRows(db, 'problems', owned(drafts.problems))
  await insertRows(db, 'medications', owned(drafts.medications))
  await insertRows(db, 'allergies', owned(drafts.allergies))
  await insertRows(db, 'immunizations', owned(drafts.immunizations))
  await insertRows(db, 'vital_signs', owned(drafts.vitalSigns))
  await insertRows(db, 'lab_results', owned(drafts.labResults))
  await insertRows(db, 'smoking_statuses', owned(drafts.smokingStatuses))
}
