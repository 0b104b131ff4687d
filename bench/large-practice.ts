/**
 * The bench's practice: built once into a database of its own (PostgreSQL `bitewing_bench`, or
 * `bitewing_bench_<patients>` for a smaller practice; an embedded one in .bench/) and reused. Its
 * bench users all have one known password, BENCH_PASSWORD, so they can also be tried by hand.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { generateDemoPractice } from '../server/demo/generate.ts'
import { SESSION_COOKIES } from '../server/platform/auth/cookies.ts'
import { hashPassword, verifyPassword } from '../server/platform/auth/passwords.ts'
import { createSession, markPersonalInfoVerified } from '../server/platform/auth/sessions.ts'
import { type DatabaseHandle, openDatabase } from '../server/platform/db/database.ts'
import { migrate } from '../server/platform/db/migrate.ts'
import { LocalFileStorage } from '../server/platform/files/storage.ts'

export const BENCH_PASSWORD = 'Bitewing-bench-1'
export const LARGE_PRACTICE = 100_000
const ROOT = path.resolve(import.meta.dirname, '..')
export const BENCH_DIR = path.join(ROOT, '.bench')

/** Where a practice of this size lives: PostgreSQL (a URL) or the embedded database (a folder). */
export function benchDatabase(patients: number, embedded: boolean) {
  const suffix = patients === LARGE_PRACTICE ? '' : `_${patients}`
  if (embedded) return { dataDir: path.join(BENCH_DIR, `embedded${suffix}`) }
  const base = process.env.BENCH_DATABASE_URL ?? defaultBenchUrl()
  const url = new URL(base)
  url.pathname = `${url.pathname}${suffix}`
  return { url: url.toString() }
}

const LOCAL_SOCKET_DIR = '/var/run/postgresql'

/**
 * The machine's PostgreSQL through its Unix socket when it has one, as a server beside its
 * database would be configured (docs/deploy.md): over loopback TCP the sender's write also pays
 * for the receiving side, which the bench would count as the server's CPU.
 */
function defaultBenchUrl() {
  const socket = existsSync(path.join(LOCAL_SOCKET_DIR, '.s.PGSQL.5432'))
  return socket
    ? `postgres://postgres@localhost/bitewing_bench?host=${LOCAL_SOCKET_DIR}`
    : 'postgres://postgres@127.0.0.1:5432/bitewing_bench'
}

/** How the bench reaches PostgreSQL, for its heading. */
export function benchConnectionLabel(url: string) {
  const host = new URL(url).searchParams.get('host')
  return host ? `PostgreSQL through its Unix socket (${host})` : 'PostgreSQL over TCP'
}

async function ensureDatabase(url: string) {
  const name = new URL(url).pathname.slice(1)
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
  })
  await admin.connect()
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name])
    if (exists.rowCount === 0) await admin.query(`create database "${name.replace(/"/g, '')}"`)
  } finally {
    await admin.end()
  }
}

/** Opens the bench database, building its practice the first time (minutes for 10⁵ patients). */
export async function openBenchPractice(
  where: { url?: string; dataDir?: string },
  patients: number,
) {
  if (where.url) await ensureDatabase(where.url)
  const handle = await openDatabase(where)
  await migrate(handle)
  const practice = await handle.db.selectFrom('practices').select('id').executeTakeFirst()
  if (!practice) {
    console.log(`Creating a ${patients}-patient practice for the bench (once; minutes)…`)
    const files = new LocalFileStorage(path.join(dataDirOf(where), 'files'))
    await generateDemoPractice(handle.db, files, { patients })
    await sql`create table bench_built (patients int not null)`.execute(handle.db)
    await sql`insert into bench_built values (${patients})`.execute(handle.db)
  }
  const built = await sql<{ patients: number }>`select patients from bench_built`
    .execute(handle.db)
    .catch(() => ({ rows: [] }))
  if (built.rows.length === 0) {
    await handle.close()
    throw new Error(
      `The bench practice in ${where.url ?? where.dataDir} was never finished: drop it and run again.`,
    )
  }
  return handle
}

/** The files folder the server is given for this bench database. */
export function dataDirOf(where: { url?: string; dataDir?: string }) {
  return where.dataDir ?? path.join(BENCH_DIR, `data-${new URL(where.url ?? '').pathname.slice(1)}`)
}

export interface BenchUser {
  portalUserId: number
  practiceId: number
  /** The patients the user sees: themself first, then those they represent. */
  family: number[]
}

/**
 * The first `count` portal users with a family of more than one when there are enough (a
 * guarantor reads several people's tabs), given the bench password (once: one hash for all).
 */
export async function benchUsers(handle: DatabaseHandle, count: number): Promise<BenchUser[]> {
  const { db } = handle
  const rows = await sql<{ id: number; practice_id: number; patient_id: number; family: number[] }>`
    select u.id, u.practice_id, u.patient_id,
      array(select r.patient_id from patient_representatives r
            where r.representative_id = u.patient_id and r.practice_id = u.practice_id
              and r.patient_id <> u.patient_id
            order by r.patient_id) as family
    from portal_users u
    where u.removed_at is null
    order by u.id
    limit ${count}`.execute(db)
  const users = rows.rows.map((row) => ({
    portalUserId: Number(row.id),
    practiceId: Number(row.practice_id),
    family: [Number(row.patient_id), ...row.family.map(Number)],
  }))
  const sample = await db
    .selectFrom('portal_users')
    .select('password_hash')
    .where('id', '=', users.at(-1)?.portalUserId ?? 0)
    .executeTakeFirst()
  if (!sample || !(await verifyPassword(sample.password_hash, BENCH_PASSWORD))) {
    const hash = await hashPassword(BENCH_PASSWORD)
    await db
      .updateTable('portal_users')
      .set({ password_hash: hash, password_is_temporary: false })
      .where(
        'id',
        'in',
        users.map((user) => user.portalUserId),
      )
      .execute()
  }
  return users
}

/**
 * A session per user, written as signing in writes it (sign-in itself, argon2 and all, is
 * measured by `npm run bench -- sign-in`); returns each user's cookie header.
 */
export async function benchSessions(handle: DatabaseHandle, users: BenchUser[]) {
  const cookies: string[] = []
  for (const user of users) {
    const token = await createSession(handle.db, {
      practiceId: user.practiceId,
      owner: { kind: 'portal', portalUserId: user.portalUserId },
      idleTimeoutMinutes: 60,
      ip: '127.0.0.1',
      userAgent: 'bitewing-bench',
    })
    const session = await handle.db
      .selectFrom('sessions')
      .select('id')
      .where('portal_user_id', '=', user.portalUserId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    await markPersonalInfoVerified(handle.db, session.id)
    cookies.push(`${SESSION_COOKIES.portal}=${token}`)
  }
  return cookies
}
