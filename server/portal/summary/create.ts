import { createHash } from 'node:crypto'
import { buildCcdBytes, type DateRange, documentId, summaryForRange } from '../../ccd/index.ts'
import type { Database } from '../../platform/db/database.ts'
import type { FileStorage } from '../../platform/files/storage.ts'
import { Invalid, Problem } from '../../platform/http/problems.ts'
import { enqueueJob } from '../../platform/jobs/queue.ts'
import type { JobHandler } from '../../platform/jobs/worker.ts'
import { careSummariesReady } from '../../practice/queries.ts'
import { buildSummaryInput } from './build-input.ts'
import {
  findAppointment,
  insertCareSummary,
  loadSummaryRows,
  lockAppointment,
  visitSummaryExists,
} from './queries.ts'
import { rangeProblem } from './rules.ts'

export const CREATE_CARE_SUMMARY_JOB = 'care-summary.create'

/** The practice has not imported SNOMED CT and CVX, so it makes no care summaries yet. */
export class SummariesNotSetUp extends Problem {
  constructor() {
    super(
      409,
      'summaries-not-set-up',
      'Care summaries not set up',
      'Your dental office has not set up care summaries yet, so none can be created.',
    )
  }
}

export interface NewCareSummary {
  practiceId: number
  patientId: number
  reason: 'visit' | 'on_demand'
  appointmentId?: number | null
  now: Date
  /** Only the entries between these dates (inclusive); without it, the whole record. */
  range?: DateRange
}

export function summaryStorageKey(practiceId: number, patientId: number, document: string) {
  return `practices/${practiceId}/care-summaries/${patientId}/${document}.xml`
}

/**
 * Builds a patient's C-CDA from their chart as it is `now`, stores the XML and records it.
 * Refuses (SummariesNotSetUp) until the practice has imported SNOMED CT and CVX.
 */
export async function createCareSummary(db: Database, files: FileStorage, summary: NewCareSummary) {
  const range = { from: summary.range?.from || null, to: summary.range?.to || null }
  const problem = rangeProblem(range)
  if (problem) throw new Invalid('The dates of the summary are not valid.', problem)
  if (!(await careSummariesReady(db, summary.practiceId))) throw new SummariesNotSetUp()
  const rows = await loadSummaryRows(db, summary.practiceId, summary.patientId)
  if (!rows) throw new Error(`No patient ${summary.patientId} in practice ${summary.practiceId}`)
  const appointment = summary.appointmentId
    ? await findAppointment(db, summary.appointmentId)
    : undefined
  const input = summaryForRange(
    buildSummaryInput(rows, { effectiveAt: summary.now, appointment }),
    range,
  )
  const body = buildCcdBytes(input)
  const document = documentId(input)
  const storageKey = summaryStorageKey(summary.practiceId, summary.patientId, document)
  await files.put(storageKey, body)
  return insertCareSummary(db, {
    practiceId: summary.practiceId,
    patientId: summary.patientId,
    appointmentId: summary.appointmentId ?? null,
    reason: summary.reason,
    documentId: document,
    effectiveAt: summary.now,
    storageKey,
    sha256: createHash('sha256').update(body).digest('hex'),
    rangeFrom: range.from,
    rangeTo: range.to,
  })
}

/**
 * Asks for a visit's summary again (a repaired practice, a visit completed before its practice
 * was set up). Completing a visit needs no call: the database queues the job itself whenever an
 * appointment becomes Complete, whoever writes it (migration 0002).
 */
export async function onAppointmentCompleted(db: Database, appointmentId: number) {
  const appointment = await findAppointment(db, appointmentId)
  if (!appointment) return undefined
  return enqueueJob(db, {
    practiceId: appointment.practice_id,
    kind: CREATE_CARE_SUMMARY_JOB,
    payload: { appointmentId },
  })
}

/**
 * The job: one visit summary per completed appointment (a retry, a second completion or a
 * second instance running the same visit's job makes no second one); nothing when the visit is
 * not complete or the practice is not set up.
 */
export function createCareSummaryJob(
  db: Database,
  files: FileStorage,
  clock: () => Date = () => new Date(),
): JobHandler {
  return async (job) => {
    const appointmentId = Number(job.payload.appointmentId)
    await db.transaction().execute(async (trx) => {
      const appointment = await lockAppointment(trx, appointmentId)
      if (appointment?.status !== 'Complete') return
      if (!(await careSummariesReady(trx, appointment.practice_id))) return
      if (await visitSummaryExists(trx, appointmentId)) return
      await createCareSummary(trx, files, {
        practiceId: appointment.practice_id,
        patientId: appointment.patient_id,
        reason: 'visit',
        appointmentId,
        now: clock(),
      })
    })
  }
}
