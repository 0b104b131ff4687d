/**
 * `npm run bench -- audit-log`: the office's Audit log on millions of rows (PostgreSQL). The bench
 * practice (large-practice.ts, 10,000 patients by default) gets its audit table topped up to
 * BENCH_AUDIT_EVENTS rows spread over two years, then each filter the page offers is timed with a
 * different patient, user or day each time (first reads included), beside the database's own
 * rate for the plainest page: the newest events by the practice index alone.
 */
import { sql } from 'kysely'
import { type AuditFilters, listAuditEvents } from '../server/office/audit-log/queries.ts'
import type { Database } from '../server/platform/db/database.ts'
import { benchDatabase, openBenchPractice } from './large-practice.ts'
import { median, percentile } from './stats.ts'

const PAGE = 50
const RUNS = 40
const CHUNK = 100_000

/** Actions as a practice's log holds them: mostly reads, a few rare acts of the office. */
const COMMON = ['tab.viewed', 'portal.sign_in', 'document.viewed', 'statement.viewed']
const RARE = 'access.second_factor_reset'

export interface AuditLogFigures {
  events: number
  patients: number
  /** Per filter: median and p95 milliseconds for one page. */
  pages: { name: string; medianMs: number; p95Ms: number }[]
  /** The bare newest page by the practice index: the database's own ceiling. */
  bare: { medianMs: number; p95Ms: number }
}

async function topUpEvents(db: Database, practiceId: number, wanted: number) {
  const { rows } = await sql<{ count: string }>`
    select count(*) from audit_events where practice_id = ${practiceId}`.execute(db)
  const missing = Math.max(0, wanted - Number(rows[0]?.count ?? 0))
  if (missing > 0) {
    console.log(`Adding ${missing.toLocaleString('en-US')} audit events to the bench practice…`)
  }
  // Two years of events, each by a portal user about one of their patients, one in ten thousand
  // a rare act of the office; in chunks, each within the pool's query time-out.
  for (let done = 0; done < missing; done += CHUNK) {
    await insertEvents(db, practiceId, Math.min(CHUNK, missing - done))
  }
  // Fresh statistics, as autovacuum would soon have them: stale ones plan a rare action's page.
  await sql`analyze audit_events`.execute(db)
}

async function insertEvents(db: Database, practiceId: number, count: number) {
  await sql`
    with users as (
      select array_agg(id order by id) as ids, array_agg(patient_id order by id) as patients
      from portal_users where practice_id = ${practiceId}
    ), staff as (
      select array_agg(id) as ids from staff_users where practice_id = ${practiceId}
    )
    insert into audit_events
      (practice_id, occurred_at, actor_type, portal_user_id, staff_user_id, action, patient_id, ip)
    select ${practiceId}, now() - random() * interval '730 days',
      case when g % 10000 = 0 then 'staff_user' else 'portal_user' end::actor_type,
      case when g % 10000 = 0 then null else users.ids[1 + g % cardinality(users.ids)] end,
      case when g % 10000 = 0 then staff.ids[1] end,
      case when g % 10000 = 0 then ${RARE}
        else (${sql.lit(`{${COMMON.join(',')}}`)}::text[])[1 + g % ${COMMON.length}] end,
      users.patients[1 + g % cardinality(users.patients)],
      '10.0.' || (g % 250) || '.' || (g % 200)
    from generate_series(1, ${count}) g, users, staff`.execute(db)
}

async function timePages(run: (index: number) => Promise<unknown>) {
  const times: number[] = []
  for (let index = 0; index < RUNS; index += 1) {
    const started = performance.now()
    await run(index)
    times.push(performance.now() - started)
  }
  return { medianMs: median(times), p95Ms: percentile(times, 95) }
}

export async function benchAuditLog(): Promise<AuditLogFigures> {
  const patients = Number(process.env.BENCH_AUDIT_PATIENTS ?? 10_000)
  const events = Number(process.env.BENCH_AUDIT_EVENTS ?? 2_000_000)
  const handle = await openBenchPractice(benchDatabase(patients, false), patients)
  const { db } = handle
  try {
    const found = await db
      .selectFrom('practices')
      .select(['id', 'time_zone'])
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const practice = { id: Number(found.id), timeZone: found.time_zone }
    await topUpEvents(db, practice.id, events)
    const people = await sql<{ first_name: string; last_name: string; username: string }>`
      select p.first_name, p.last_name, u.username from portal_users u
      join patients p on p.id = u.patient_id
      where u.practice_id = ${practice.id} order by random() limit ${RUNS}`.execute(db)
    const person = (index: number) => people.rows[index % people.rows.length]
    const day = (index: number) =>
      new Date(Date.now() - (30 + index * 17) * 86_400_000).toISOString().slice(0, 10)
    const page = (filters: AuditFilters, after?: string) =>
      listAuditEvents(db, practice, filters, { limit: PAGE, ...(after ? { after } : {}) })

    const filters: [string, (index: number) => Promise<unknown>][] = [
      ['newest events, no filter', () => page({})],
      [
        'one patient, by name',
        (index) => page({ patient: `${person(index)?.first_name} ${person(index)?.last_name}` }),
      ],
      ['one portal user, by user name', (index) => page({ user: person(index)?.username })],
      ['one common action', (index) => page({ action: COMMON[index % COMMON.length] })],
      ['a rare action (1 in 10,000 events)', () => page({ action: RARE })],
      ['an action prefix (portal.)', () => page({ action: 'portal.' })],
      ['one day, a month to two years ago', (index) => page({ from: day(index), to: day(index) })],
      [
        'the page after a cursor, a year back',
        async (index) => {
          const at = new Date(Date.now() - (365 + index) * 86_400_000)
          return page({}, `${at.toISOString()}_999999999999999`)
        },
      ],
    ]
    const pages = []
    for (const [name, run] of filters) pages.push({ name, ...(await timePages(run)) })
    const bare = await timePages(() =>
      sql`select id from audit_events where practice_id = ${practice.id}
          order by occurred_at desc, id desc limit ${PAGE}`.execute(db),
    )
    return { events, patients, pages, bare }
  } finally {
    await handle.close()
  }
}
