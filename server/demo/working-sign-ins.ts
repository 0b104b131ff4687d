import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { sql } from 'kysely'
import { verifyPassword } from '../platform/auth/passwords.ts'
import type { Database } from '../platform/db/database.ts'
import { DEMO_SIGN_INS } from './sign-ins.ts'

export type DemoSignIn = (typeof DEMO_SIGN_INS)[number]

/**
 * The demo sign-ins that still work: the account is there and active and still has the published
 * password. The start banner prints only these, so it never advertises a password someone changed
 * nor hands out one that still works unnoticed. One query; each distinct hash is checked once
 * (Maria and Luis share theirs), and only once ever: `known` remembers the answer for that
 * stored hash, which changes whenever the password does (a fresh salt), so later starts run no
 * argon2 at all.
 */
export async function workingDemoSignIns(
  db: Database,
  known: Map<string, boolean> = new Map(),
): Promise<DemoSignIn[]> {
  const names = (where: DemoSignIn['where']) =>
    DEMO_SIGN_INS.filter((signIn) => signIn.where === where).map((signIn) => signIn.username)
  const accounts = await db
    .selectFrom('portal_users')
    .select([sql.lit('portal').as('where'), sql<string>`lower(username)`.as('username')])
    .select('password_hash')
    .where(sql`lower(username)`, 'in', names('portal'))
    .where('removed_at', 'is', null)
    .unionAll(
      db
        .selectFrom('staff_users')
        .select([sql.lit('office').as('where'), sql<string>`lower(username)`.as('username')])
        .select('password_hash')
        .where(sql`lower(username)`, 'in', names('office'))
        .where('is_active', '=', true),
    )
    .execute()
  const checks = new Map<string, Promise<boolean>>()
  const works = (hash: string, password: string) => {
    const key = createHash('sha256').update(`${hash}\n${password}`).digest('base64url')
    const remembered = known.get(key)
    if (remembered !== undefined) return Promise.resolve(remembered)
    if (!checks.has(key)) {
      checks.set(
        key,
        verifyPassword(hash, password).then((result) => {
          known.set(key, result)
          return result
        }),
      )
    }
    return checks.get(key) as Promise<boolean>
  }
  const working = await Promise.all(
    DEMO_SIGN_INS.map(async (signIn) => {
      const found = accounts.filter(
        (account) => account.where === signIn.where && account.username === signIn.username,
      )
      const results = await Promise.all(
        found.map((account) => works(account.password_hash, signIn.password)),
      )
      return results.includes(true)
    }),
  )
  return DEMO_SIGN_INS.filter((_, index) => working[index])
}

const KNOWN_FILE = 'demo-sign-ins.json'

/** `workingDemoSignIns` with its answers kept in the data folder from one start to the next. */
export async function workingDemoSignInsKept(db: Database, dataDir: string) {
  const file = path.join(dataDir, KNOWN_FILE)
  const saved: unknown = await fs
    .readFile(file, 'utf8')
    .then(JSON.parse)
    .catch(() => ({}))
  const known = new Map<string, boolean>(
    Object.entries(saved && typeof saved === 'object' ? saved : {}).filter(
      (entry): entry is [string, boolean] => typeof entry[1] === 'boolean',
    ),
  )
  const before = known.size
  const working = await workingDemoSignIns(db, known)
  if (known.size !== before) {
    // A memory only: when it cannot be written, the next start checks again.
    await fs
      .writeFile(file, JSON.stringify(Object.fromEntries(known)), { mode: 0o600 })
      .catch(() => undefined)
  }
  return working
}
