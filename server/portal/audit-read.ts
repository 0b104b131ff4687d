import type { FastifyRequest } from 'fastify'
import { type Actor, recordAudit } from '../platform/audit/audit.ts'
import { clientAddress } from '../platform/auth/client.ts'
import type { Database } from '../platform/db/database.ts'

/** Who is acting on which patient: what the portal guard answers, or a test writes by hand. */
export interface PatientAccess {
  user: { id: number; practice_id: number }
  patientId: number
}

/** Who is acting, about one patient or (sign-in, passwords) about their own account only. */
export type PortalActing = Omit<PatientAccess, 'patientId'> & { patientId?: number | null }

/** What an audited act was about besides the patient: the row it touched, ids and reasons. */
export interface AuditAbout {
  target?: { type: string; id: number }
  outcome?: 'success' | 'failure'
  /** Identifiers and reasons only; never health information. */
  details?: Record<string, unknown>
}

/**
 * Writes audit rows for one actor about one patient, the who and where bound once. Pass the
 * transaction as `db` when the act is in one, so its row commits or rolls back with it.
 */
export interface Auditor {
  record(db: Database, action: string, about?: AuditAbout): Promise<void>
}

/** The auditor of a portal user's request: about the patient the guard let through, or none. */
export function portalAuditor(request: Pick<FastifyRequest, 'ip'>, access: PortalActing): Auditor {
  const actor: Actor = { type: 'portal_user', portalUserId: access.user.id }
  const ip = clientAddress(request)
  return {
    record: (db, action, about = {}) =>
      recordAudit(db, {
        practiceId: access.user.practice_id,
        actor,
        action,
        ...(access.patientId != null ? { patientId: access.patientId } : {}),
        ...(about.outcome ? { outcome: about.outcome } : {}),
        ip,
        ...(about.target ? { targetType: about.target.type, targetId: about.target.id } : {}),
        ...(about.details ? { details: about.details } : {}),
      }),
  }
}

/**
 * The auditor of a portal user's acts on their own account (sign-in, passwords, second factors,
 * sessions): about the user's own patient, so the office's audit log filtered to that patient
 * finds them beside what was done to the account.
 */
export function accountAuditor(
  request: Pick<FastifyRequest, 'ip'>,
  user: PatientAccess['user'] & { patient_id: number },
): Auditor {
  return portalAuditor(request, { user, patientId: user.patient_id })
}
