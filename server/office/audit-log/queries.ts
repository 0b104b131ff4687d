import { type ExpressionBuilder, sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'
import { samePractice } from '../../platform/db/joins.ts'
import type { DB } from '../../platform/db/schema.ts'
import { findUsernameOwners } from '../../practice/queries.ts'
import { nameWords, parseCursor } from './rules.ts'

export interface AuditFilters {
  patient?: string
  user?: string
  action?: string
  from?: string
  to?: string
}

type Events = ExpressionBuilder<DB, 'audit_events'>

/**
 * One page of the practice's audit log, newest first, paged by (occurred_at, id): each filter
 * narrows on an index that ends in that key (migration 0017), so a page costs the same on the
 * first day and on the millionth row.
 */
export async function listAuditEvents(
  db: Database,
  practice: { id: number; timeZone: string },
  filters: AuditFilters,
  page: { after?: string; limit: number },
) {
  let query = db
    .selectFrom('audit_events')
    .leftJoin('staff_users', (join) =>
      samePractice(join, 'staff_users.id', 'audit_events.staff_user_id'),
    )
    .leftJoin('portal_users', (join) =>
      samePractice(join, 'portal_users.id', 'audit_events.portal_user_id'),
    )
    .leftJoin('patients as actor_patient', 'actor_patient.id', 'portal_users.patient_id')
    .leftJoin('patients as about', (join) =>
      samePractice(join, 'about.id', 'audit_events.patient_id'),
    )
    .select([
      'audit_events.id',
      'audit_events.occurred_at',
      'audit_events.actor_type',
      'audit_events.action',
      'audit_events.outcome',
      'audit_events.patient_id',
      'audit_events.ip',
      'audit_events.target_type',
      'audit_events.target_id',
      'staff_users.display_name as staff_name',
      'staff_users.username as staff_username',
      'portal_users.username as portal_username',
      'actor_patient.first_name as actor_first',
      'actor_patient.last_name as actor_last',
      'about.first_name as about_first',
      'about.last_name as about_last',
      sql<string>`to_char(audit_events.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'cursor_at',
      ),
    ])
    .where('audit_events.practice_id', '=', practice.id)
  const { patient, user, action, from, to } = filters
  if (patient?.trim()) query = query.where((eb) => aboutPatients(eb, practice.id, patient))
  if (user?.trim()) {
    const users = await findNamedUsers(db, practice.id, user.trim())
    query = query.where((eb) => byUsers(eb, users))
  }
  if (action) {
    query = action.endsWith('.')
      ? query.where('audit_events.action', 'like', `${action}%`)
      : query.where('audit_events.action', '=', action)
  }
  if (from) {
    query = query.where(
      'audit_events.occurred_at',
      '>=',
      sql<Date>`(${from}::date)::timestamp at time zone ${practice.timeZone}`,
    )
  }
  if (to) {
    query = query.where(
      'audit_events.occurred_at',
      '<',
      sql<Date>`(${to}::date + 1)::timestamp at time zone ${practice.timeZone}`,
    )
  }
  const cursor = page.after ? parseCursor(page.after) : undefined
  if (cursor) {
    query = query.where(
      sql<boolean>`(audit_events.occurred_at, audit_events.id) < (${cursor.at}::timestamptz, ${cursor.id})`,
    )
  }
  return query
    .orderBy('audit_events.occurred_at', 'desc')
    .orderBy('audit_events.id', 'desc')
    .limit(page.limit)
    .execute()
}

export type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>[number]

/** Events about the patients whose names start with each typed word (at most 200 patients). */
function aboutPatients(eb: Events, practiceId: number, typed: string) {
  let patients = eb
    .selectFrom('patients')
    .select('patients.id')
    .where('patients.practice_id', '=', practiceId)
  for (const word of nameWords(typed)) {
    patients = patients.where((inner) =>
      inner.or([
        inner(sql`lower(patients.first_name)`, 'like', `${word}%`),
        inner(sql`lower(patients.last_name)`, 'like', `${word}%`),
        inner(sql`lower(coalesce(patients.preferred_name, ''))`, 'like', `${word}%`),
      ]),
    )
  }
  return eb('audit_events.patient_id', 'in', patients.limit(200))
}

/** The staff member and the portal user with this user name (either, both or neither). */
interface NamedUsers {
  staff: number[]
  portal: number[]
}

/**
 * Who has this user name, looked up before the page is read: an `or` of two subqueries in the
 * page's own query made PostgreSQL walk the whole practice index (115 ms a page on two million
 * events), where a known id walks that user's own index.
 */
async function findNamedUsers(db: Database, practiceId: number, username: string) {
  const [staff, portal] = await Promise.all([
    findUsernameOwners(db, 'staff_users', practiceId, username),
    findUsernameOwners(db, 'portal_users', practiceId, username),
  ])
  return { staff, portal }
}

/** Events done by these users; none when the name named nobody. */
function byUsers(eb: Events, users: NamedUsers) {
  const either = [
    ...(users.staff.length > 0 ? [eb('audit_events.staff_user_id', 'in', users.staff)] : []),
    ...(users.portal.length > 0 ? [eb('audit_events.portal_user_id', 'in', users.portal)] : []),
  ]
  return either.length > 0 ? eb.or(either) : sql<boolean>`false`
}
