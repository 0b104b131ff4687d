import { type Actor, recordAudit } from '../../../platform/audit/audit.ts'
import type { Database } from '../../../platform/db/database.ts'
import type { JobHandler } from '../../../platform/jobs/worker.ts'
import type { Auditor } from '../../audit-read.ts'
import type { PaymentProcessors, ProcessorName } from './processor.ts'
import { findAttempt } from './queries.ts'
import { absentChargeIsFinal, processorKey } from './rules.ts'
import { settleAttempt } from './settle.ts'

/** Writes audit rows for an actor who is not a person (the reconcile job, a processor webhook). */
export function actorAuditor(actor: Actor, practiceId: number, patientId: number): Auditor {
  return {
    record: (db, action, about = {}) =>
      recordAudit(db, {
        practiceId,
        actor,
        action,
        patientId,
        ...(about.outcome ? { outcome: about.outcome } : {}),
        ...(about.target ? { targetType: about.target.type, targetId: about.target.id } : {}),
        ...(about.details ? { details: about.details } : {}),
      }),
  }
}

/**
 * Asks the processor what became of a charge whose answer was lost, and settles the attempt
 * with it: a charge found makes the payment, a charge the processor never received fails the
 * attempt (nothing was taken) once "not found" can be trusted (`absentChargeIsFinal`), and no
 * answer yet tries again later (the job's back-off).
 */
export async function reconcileAttempt(
  db: Database,
  processors: PaymentProcessors,
  practiceId: number,
  attemptId: number,
  now = new Date(),
) {
  const attempt = await findAttempt(db, practiceId, attemptId)
  if (attempt?.status !== 'unknown') return attempt
  const processor = processors[attempt.processor as ProcessorName]
  if (!processor) throw new Error(`No ${attempt.processor} processor to reconcile with`)
  const found = await processor.lookup(processorKey(practiceId, attempt.idempotency_key))
  if (found.outcome === 'unknown') throw new Error('The processor has no answer yet')
  if (found.outcome === 'absent' && !absentChargeIsFinal(new Date(attempt.created_at), now)) {
    throw new Error('The processor has not found the charge yet')
  }
  const result =
    found.outcome === 'absent'
      ? ({ outcome: 'failed', code: 'processing_error', reference: null } as const)
      : found
  const audit = actorAuditor({ type: 'system' }, practiceId, attempt.patient_id)
  return settleAttempt(db, attempt, result, audit)
}

/** The job that reconciles one attempt (queued when a charge's answer was lost). */
export function reconcilePaymentJob(db: Database, processors: PaymentProcessors): JobHandler {
  return async (job) => {
    await reconcileAttempt(db, processors, Number(job.practice_id), Number(job.payload.attemptId))
  }
}
