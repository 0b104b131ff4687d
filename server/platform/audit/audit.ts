import type { Insertable } from 'kysely'
import type { Database } from '../db/database.ts'
import type { AuditEventsTable } from '../db/schema.ts'
import { auditGroupCommit } from './group-commit.ts'

/** Who did something: a signed-in patient-side user, a staff member, the system, or nobody yet. */
export type Actor =
  | { type: 'portal_user'; portalUserId: number }
  | { type: 'staff_user'; staffUserId: number }
  | { type: 'system' }
  | { type: 'sync' }
  | { type: 'anonymous' }

export interface AuditEvent {
  practiceId: number | null
  actor: Actor
  /** A stable verb such as `portal.sign_in` or `access.granted`; never free text. */
  action: string
  outcome?: 'success' | 'failure'
  patientId?: number | null
  targetType?: string
  targetId?: string | number
  ip?: string
  /** Identifiers and reasons only; never health information. */
  details?: Record<string, unknown>
}

/**
 * Writes one audit event and resolves once it is stored. Pass the transaction (a `Database` too)
 * when the change is in one, so the event commits or rolls back with it; outside a transaction,
 * events that happen together share one insert (see group-commit.ts).
 */
export async function recordAudit(db: Database, event: AuditEvent): Promise<void> {
  if (db.isTransaction) {
    await db.insertInto('audit_events').values(toRow(event)).execute()
  } else {
    await auditGroupCommit(db).write(toRow(event))
  }
}

function toRow(event: AuditEvent): Insertable<AuditEventsTable> {
  return {
    practice_id: event.practiceId,
    actor_type: event.actor.type,
    portal_user_id: event.actor.type === 'portal_user' ? event.actor.portalUserId : null,
    staff_user_id: event.actor.type === 'staff_user' ? event.actor.staffUserId : null,
    action: event.action,
    outcome: event.outcome ?? 'success',
    patient_id: event.patientId ?? null,
    target_type: event.targetType ?? null,
    target_id: event.targetId === undefined ? null : String(event.targetId),
    ip: event.ip ?? null,
    details: JSON.stringify(event.details ?? {}),
  }
}
