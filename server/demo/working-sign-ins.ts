import { sql } from 'kysely'
import { verifyPassword } from '../platform/auth/passwords.ts'
import type { Database } from '../platform/db/database.ts'
import { DEMO_SIGN_INS } from './sign-ins.ts'

export type DemoSignIn = (typeof DEMO_SIGN_INS)[number]

/**
 * The demo sign-ins that still work: the account is there and active and still has the published
 * password. The start banner prints only these, so it never advertises a password someone changed
 * nor hands out one that still works unnoticed. One query; each distinct hash is checked once
 * (Maria and Luis share theirs), in the password hasher's threads.
 */
export async function workingDemoSignIns(db: Database): Promise<DemoSignIn[]> {
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
    const key = `${hash}\n${password}`
    if (!checks.has(key)) checks.set(key, verifyPassword(hash, password))
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
