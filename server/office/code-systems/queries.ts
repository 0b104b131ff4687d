import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'
import type { CodeSystem } from '../../practice/rules.ts'
import type { Code } from './rules.ts'

/** Rows per INSERT: 3 parameters each, far below PostgreSQL's 65 535. */
export const CODE_BATCH_SIZE = 2000

/** Inserts or updates codes (shared by all practices; each practice records its own import). */
export async function upsertCodes(db: Database, system: CodeSystem, codes: readonly Code[]) {
  for (let start = 0; start < codes.length; start += CODE_BATCH_SIZE) {
    const batch = codes.slice(start, start + CODE_BATCH_SIZE)
    await db
      .insertInto('code_system_codes')
      .values(batch.map((code) => ({ system, code: code.code, display: code.display })))
      .onConflict((conflict) =>
        conflict
          .columns(['system', 'code'])
          .doUpdateSet({ display: (eb) => eb.ref('excluded.display') })
          .where(sql<boolean>`code_system_codes.display is distinct from excluded.display`),
      )
      .execute()
  }
}

export async function recordImport(
  db: Database,
  record: {
    practiceId: number
    system: CodeSystem
    version: string
    codeCount: number
    staffId: number | null
    now?: Date
  },
) {
  return db
    .insertInto('code_system_imports')
    .values({
      practice_id: record.practiceId,
      system: record.system,
      version: record.version,
      code_count: record.codeCount,
      imported_by_staff_id: record.staffId,
      ...(record.now ? { imported_at: record.now } : {}),
    })
    .returning(['id', 'system', 'version', 'code_count', 'imported_at'])
    .executeTakeFirstOrThrow()
}

/** The latest import of each system by this practice, with who did it. */
export async function latestImports(db: Database, practiceId: number) {
  const rows = await db
    .selectFrom('code_system_imports')
    .leftJoin('staff_users', 'staff_users.id', 'code_system_imports.imported_by_staff_id')
    .select([
      'code_system_imports.id',
      'code_system_imports.system',
      'code_system_imports.version',
      'code_system_imports.code_count',
      'code_system_imports.imported_at',
      'staff_users.display_name as staff_name',
    ])
    .where('code_system_imports.practice_id', '=', practiceId)
    .orderBy('code_system_imports.imported_at', 'desc')
    .orderBy('code_system_imports.id', 'desc')
    .execute()
  const latest = new Map<string, (typeof rows)[number]>()
  for (const row of rows) if (!latest.has(row.system)) latest.set(row.system, row)
  return latest
}

/** Displays for a set of codes, for the documents and the office's checks. */
export async function codeDisplays(db: Database, system: CodeSystem, codes: readonly string[]) {
  if (codes.length === 0) return new Map<string, string>()
  const rows = await db
    .selectFrom('code_system_codes')
    .select(['code', 'display'])
    .where('system', '=', system)
    .where('code', 'in', [...new Set(codes)])
    .execute()
  return new Map(rows.map((row) => [row.code, row.display]))
}
