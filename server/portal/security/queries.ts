import type { Database } from '../../platform/db/database.ts'

const SIGN_IN_ACTIONS = [
  'portal.sign_in',
  'portal.second_factor',
  'portal.sign_in_throttled',
  'portal.second_factor_throttled',
  'portal.passkey_sign_in',
]

/** The user's last sign-ins and tries, newest first (the audit log's own rows). */
export async function recentSignIns(db: Database, practiceId: number, portalUserId: number) {
  return db
    .selectFrom('audit_events')
    .select(['occurred_at', 'action', 'outcome', 'ip'])
    .where('practice_id', '=', practiceId)
    .where('portal_user_id', '=', portalUserId)
    .where('action', 'in', SIGN_IN_ACTIONS)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(20)
    .execute()
}

/** The user's sessions not yet ended (the view drops the ones past their idle or absolute end). */
export async function openSessions(db: Database, portalUserId: number, now: Date) {
  return db
    .selectFrom('sessions')
    .select([
      'id',
      'created_at',
      'last_seen_at',
      'expires_at',
      'idle_timeout_minutes',
      'ended_at',
      'ip',
      'user_agent',
    ])
    .where('portal_user_id', '=', portalUserId)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute()
}

/** Reads of the patient's records by other portal users (their representatives), newest first. */
export async function recordViewsByOthers(
  db: Database,
  practiceId: number,
  patientIds: readonly number[],
  portalUserId: number,
) {
  return db
    .selectFrom('audit_events')
    .innerJoin('portal_users', 'portal_users.id', 'audit_events.portal_user_id')
    .innerJoin('patients as viewer', 'viewer.id', 'portal_users.patient_id')
    .innerJoin('patients as about', 'about.id', 'audit_events.patient_id')
    .select([
      'audit_events.occurred_at',
      'audit_events.action',
      'viewer.first_name as viewer_first',
      'viewer.last_name as viewer_last',
      'about.first_name as about_first',
      'about.last_name as about_last',
    ])
    .where('audit_events.practice_id', '=', practiceId)
    .where('audit_events.patient_id', 'in', [...patientIds])
    .where('audit_events.actor_type', '=', 'portal_user')
    .where('audit_events.portal_user_id', '<>', portalUserId)
    .where('audit_events.outcome', '=', 'success')
    .orderBy('audit_events.occurred_at', 'desc')
    .limit(50)
    .execute()
}
