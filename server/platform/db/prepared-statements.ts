import type { PostgresPool, PostgresPoolClient } from 'kysely'
import type pg from 'pg'

/** Beyond these, texts run unnamed: bulk inserts vary in length and gain nothing from a plan. */
const MAX_NAMED_STATEMENTS = 1000
const MAX_NAMED_PARAMETERS = 100

/**
 * Gives each distinct SQL text a statement name, so that every pooled connection parses and
 * plans it once and then only binds and executes it. For the portal's short queries, planning
 * took longer than running them. The names live as long as the connection.
 */
export function withPreparedStatements(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>()

  function nameOf(text: string, parameterCount: number): string | undefined {
    if (parameterCount > MAX_NAMED_PARAMETERS) return undefined
    let name = names.get(text)
    if (!name && names.size < MAX_NAMED_STATEMENTS) {
      name = `bitewing_${names.size + 1}`
      names.set(text, name)
    }
    return name
  }

  return {
    async connect() {
      const client = await pool.connect()
      // Kysely passes either SQL text with values or, for streaming, a cursor to hand on as is.
      const query = (text: unknown, parameters?: ReadonlyArray<unknown>) => {
        if (typeof text !== 'string') return client.query(text as pg.Submittable)
        const values = [...(parameters ?? [])]
        const name = nameOf(text, values.length)
        return name ? client.query({ name, text, values }) : client.query(text, values)
      }
      return {
        query: query as unknown as PostgresPoolClient['query'],
        release: (destroy?: boolean) => client.release(destroy),
      }
    },
    end: () => pool.end(),
  }
}
