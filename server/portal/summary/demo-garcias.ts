/**
 * The demo practice's Garcias, the family whose care summaries issue 18 measures against HL7's
 * C-CDA R2.1 Schematron: the Schematron test and `npm run bench -- ccd` read the same documents.
 * Test and benchmark tooling only.
 */

import { ensureDemoPractice } from '../../demo/generate.ts'
import type { Database } from '../../platform/db/database.ts'
import type { FileStorage } from '../../platform/files/storage.ts'

/** Eight patients on 2025-03-14, the day every summary below is made. */
export async function demoPracticeWithGarcias(db: Database, storage: FileStorage) {
  await ensureDemoPractice(db, storage, { patients: 8, today: '2025-03-14' })
  const practice = await db.selectFrom('practices').select('id').executeTakeFirstOrThrow()
  return { practiceId: practice.id, garcias: () => garciasOf(db, practice.id) }
}

function garciasOf(db: Database, practiceId: number) {
  return db
    .selectFrom('patients')
    .select(['id', 'first_name', 'last_name'])
    .where('practice_id', '=', practiceId)
    .where('last_name', '=', 'Garcia')
    .orderBy('id')
    .execute()
}
