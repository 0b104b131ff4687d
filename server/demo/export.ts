import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { type RawBuilder, sql } from 'kysely'
import type { Database } from '../platform/db/database.ts'
import type { FileStorage } from '../platform/files/storage.ts'
import type { ExternalRefs, SyncContext } from '../sync/collection.ts'
import { syncCollections } from '../sync/collections/index.ts'
import type { ImportOperation } from '../sync/import/rules.ts'
import { COLLECTION_TABLES, type ReferableCollection } from '../sync/refs.ts'

/** Reading never resolves references; an export that tried would be a bug. */
const NO_REFS: ExternalRefs = {
  id: () => Promise.reject(new Error('An export reads rows; it resolves no references.')),
  optional: () => Promise.reject(new Error('An export reads rows; it resolves no references.')),
}

/** Rows read per query of external ids. */
const PAGE = 1000

/**
 * Rows a collection holds that the PMS cannot send back: the `messages` collection takes only the
 * practice's messages with documents attached, not those families wrote or the office's uploads.
 */
const EXPORTED_ONLY: Partial<Record<string, RawBuilder<unknown>>> = {
  messages: sql`and t.direction = 'ToPatient' and not exists (
    select 1 from message_attachments a where a.message_id = t.id and a.document_id is null)`,
}

/**
 * A practice as the sync API's NDJSON export (one `put` a line, docs/sync-api.md): every row of
 * every collection that has a PMS id, parents before children (collections/index.ts's order), each
 * read back through its collection's own `read`, so the lines are what a PUT would send.
 */
export async function* practiceOperations(
  db: Database,
  files: FileStorage,
  practiceId: number,
): AsyncGenerator<ImportOperation> {
  // Reads only: nothing is written, so no notification needs the portal's address.
  const ctx: SyncContext = { db, practiceId, files, portalUrl: '', refs: NO_REFS }
  for (const collection of syncCollections) {
    const table = COLLECTION_TABLES[collection.name as ReferableCollection]
    let after = 0
    for (;;) {
      const { rows } = await sql<{ id: number; external_id: string }>`
        select id, external_id from ${sql.table(table)} t
        where practice_id = ${practiceId} and external_id is not null and id > ${after}
        ${EXPORTED_ONLY[collection.name] ?? sql``}
        order by id limit ${PAGE}`.execute(db)
      for (const row of rows) {
        const body = await collection.read(ctx, row.external_id)
        if (body) {
          yield {
            op: 'put',
            collection: collection.name,
            externalId: row.external_id,
            body: body as Record<string, unknown>,
          }
        }
      }
      if (rows.length < PAGE) break
      after = Number(rows.at(-1)?.id)
    }
  }
}

/** Writes the practice's export to `file`; the number of lines written. */
export async function exportPractice(
  db: Database,
  files: FileStorage,
  practiceId: number,
  file: string,
): Promise<number> {
  const out = createWriteStream(file)
  let lines = 0
  for await (const operation of practiceOperations(db, files, practiceId)) {
    if (!out.write(`${JSON.stringify(operation)}\n`)) await once(out, 'drain')
    lines++
  }
  out.end()
  await once(out, 'finish')
  return lines
}
