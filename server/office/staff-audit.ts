import type { FastifyRequest } from 'fastify'
import { recordAudit } from '../platform/audit/audit.ts'
import { clientAddress } from '../platform/auth/client.ts'
import type { Database } from '../platform/db/database.ts'
import type { StaffAction, StaffGuard } from '../practice/staff-permissions.ts'

/** What an audited staff act was about: a patient, the row it touched, ids and reasons. */
export interface StaffAuditAbout {
  patientId?: number
  target?: { type: string; id: number | string }
  outcome?: 'success' | 'failure'
  /** Identifiers and reasons only; never health information. */
  details?: Record<string, unknown>
}

/**
 * Writes audit rows for one staff member's request, the who and where bound once. Pass the
 * transaction as `db` when the act is in one, so its row commits or rolls back with it.
 */
export interface StaffAuditor {
  record(db: Database, action: string, about?: StaffAuditAbout): Promise<void>
}

/** The staff member acting: whose practice, and who is recorded as doing it. */
export interface ActingStaff {
  id: number
  practice_id: number
}

/** The auditor of a staff member's request: the guard's staff, or the one just signed in. */
export function staffAuditor(
  request: Pick<FastifyRequest, 'ip'>,
  staff: ActingStaff,
): StaffAuditor {
  const ip = clientAddress(request)
  return {
    record: (db, action, about = {}) =>
      recordAudit(db, {
        practiceId: staff.practice_id,
        actor: { type: 'staff_user', staffUserId: staff.id },
        action,
        ip,
        ...(about.patientId === undefined ? {} : { patientId: about.patientId }),
        ...(about.outcome ? { outcome: about.outcome } : {}),
        ...(about.target ? { targetType: about.target.type, targetId: about.target.id } : {}),
        ...(about.details ? { details: about.details } : {}),
      }),
  }
}

/** A staff member acting through the office API, with the auditor of their request. */
export interface StaffActor {
  staff: ActingStaff
  audit: StaffAuditor
}

/**
 * The guard's answer for an office request that may do `action`, with its auditor bound:
 * `const { staff, audit } = await actingStaff(guard, request, 'access.manage')`.
 */
export async function actingStaff(
  guard: StaffGuard,
  request: FastifyRequest,
  action: StaffAction,
): Promise<StaffActor> {
  const { staff } = await guard.staff(request, action)
  return { staff, audit: staffAuditor(request, staff) }
}
