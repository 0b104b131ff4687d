import type { AuditRow } from './queries.ts'
import { actorLabel, csvLine } from './rules.ts'

export function presentAuditEvent(row: AuditRow) {
  return {
    id: row.id,
    at: row.occurred_at.toISOString(),
    actorType: row.actor_type,
    actor: actorLabel(row),
    username: row.staff_username ?? row.portal_username ?? null,
    action: row.action,
    outcome: row.outcome,
    patientId: row.patient_id,
    patient: row.about_first ? `${row.about_first} ${row.about_last ?? ''}`.trim() : null,
    ip: row.ip,
    target: row.target_type ? `${row.target_type} ${row.target_id ?? ''}`.trim() : null,
  }
}

export const CSV_HEADER = csvLine([
  'When (UTC)',
  'Who',
  'User name',
  'Actor type',
  'Action',
  'Outcome',
  'Patient id',
  'Patient',
  'From address',
  'Target',
])

export function auditCsvLine(row: AuditRow): string {
  const event = presentAuditEvent(row)
  return csvLine([
    event.at,
    event.actor,
    event.username,
    event.actorType,
    event.action,
    event.outcome,
    event.patientId,
    event.patient,
    event.ip,
    event.target,
  ])
}
