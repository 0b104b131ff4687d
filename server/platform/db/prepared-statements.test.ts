import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase } from './database.ts'
import { withPreparedStatements } from './prepared-statements.ts'
import { TEST_DATABASE_KINDS } from './testing.ts'

// Named statements are PostgreSQL's: the embedded database plans every statement it is given.
for (const kind of TEST_DATABASE_KINDS.filter((each) => each === 'postgres')) {
  describe(`prepared statements [${kind}]`, () => {
    let handle: DatabaseHandle
    // One connection, so the statements it keeps are the ones this test sent.
    beforeAll(async () => {
      handle = await openDatabase({ url: process.env.TEST_DATABASE_URL, poolSize: 1 })
      await sql`create temporary table lookups (id bigint primary key, external_id text unique)`.execute(
        handle.db,
      )
    })
    afterAll(() => handle.close())

    const kept = async (table: string) => {
      const { rows } = await sql<{ statement: string; generic_plans: number }>`
        select statement, generic_plans from pg_prepared_statements
        where statement like ${`%from lookups where ${table}%`}`.execute(handle.db)
      return rows
    }

    it('keeps no plan for a lookup given a list, which a bulk load would outgrow', async () => {
      // While the table is empty, a plan kept for the statement would scan it whole; it would be
      // kept after the load made it large (only ANALYZE replaces it).
      for (let run = 0; run < 8; run += 1) {
        await sql`select id from lookups where external_id = any(${['E1', 'E2']})`.execute(
          handle.db,
        )
      }
      await sql`insert into lookups select n, 'E' || n from generate_series(1, 1000) n`.execute(
        handle.db,
      )
      const { rows } = await sql<{ id: number }>`
        select id from lookups where external_id = any(${['E1', 'E2', 'E999']}) order by id`.execute(
        handle.db,
      )
      expect(rows.map((row) => Number(row.id))).toEqual([1, 2, 999])
      expect(await kept('external_id = any')).toEqual([])
    })

    it('still keeps the plan of a statement given single values', async () => {
      for (let run = 0; run < 2; run += 1) {
        await sql`select id from lookups where id = ${run}`.execute(handle.db)
      }
      expect(await kept('id =')).toHaveLength(1)
    })
    it('lends one wrapper per connection, and a connection that failed while lent is not lent again', async () => {
      const pool = new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 1 })
      const lost: Error[] = []
      pool.on('error', (error) => lost.push(error))
      const lending = withPreparedStatements(pool)
      try {
        const first = await lending.connect()
        first.release()
        // The same wrapper, so Kysely keeps one connection object per pooled connection.
        const again = await lending.connect()
        expect(again).toBe(first)
        const { rows } = await again.query<{ pid: number }>('select pg_backend_pid() as pid', [])
        await sql`select pg_terminate_backend(${rows[0]?.pid})`.execute(handle.db)
        await expect(again.query('select 1', [])).rejects.toThrow()
        again.release()
        // Destroyed on release: the next lending is a new connection that works.
        const fresh = await lending.connect()
        expect(fresh).not.toBe(first)
        expect((await fresh.query<{ one: number }>('select 1 as one', [])).rows).toEqual([
          { one: 1 },
        ])
        fresh.release()
        // Its error was never recorded, so it is lent again rather than destroyed.
        const reused = await lending.connect()
        expect(reused).toBe(fresh)
        reused.release()
      } finally {
        await lending.end()
      }
    })
  })
}
