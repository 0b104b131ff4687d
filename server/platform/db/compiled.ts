import { type Compilable, CompiledQuery } from 'kysely'
import type { Database } from './database.ts'

/** Stands for a value given at run time; compiles to a bind parameter like any other value. */
class Slot {
  constructor(readonly name: string) {}
}

/**
 * A query for the hottest paths (the access guard, the tabs' lists), built and compiled by
 * Kysely once instead of on every request: building a query with subqueries costs more than
 * PostgreSQL takes to run it. `build` receives stand-ins for the values, used exactly where
 * values go (`where('id', '=', values.id)`); each run binds the real values in their place.
 * Stand-ins are single values: a list (`in`) or a value computed from one cannot be a stand-in.
 */
export function compiledQuery<Values extends Record<string, unknown>, Row>(
  build: (db: Database, values: Values) => Compilable<Row>,
) {
  let compiled: CompiledQuery<Row> | undefined
  const slots = new Proxy({} as Values, {
    get: (_target, name) => new Slot(String(name)),
  })

  function bind(values: Values): unknown[] {
    return (compiled?.parameters ?? []).map((parameter) =>
      parameter instanceof Slot ? values[parameter.name] : parameter,
    )
  }

  return {
    /** The SQL text, e.g. for a test to check which tables the query reads. */
    sql(db: Database): string {
      compiled ??= build(db, slots).compile()
      return compiled.sql
    },
    async execute(db: Database, values: Values): Promise<Row[]> {
      compiled ??= build(db, slots).compile()
      const result = await db.executeQuery<Row>(CompiledQuery.raw(compiled.sql, bind(values)))
      return result.rows
    },
    async executeTakeFirst(db: Database, values: Values): Promise<Row | undefined> {
      const rows = await this.execute(db, values)
      return rows[0]
    },
  }
}
