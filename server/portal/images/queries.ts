import { compiledQuery } from '../../platform/db/compiled.ts'
import type { Database } from '../../platform/db/database.ts'
import type { Dependency } from '../../platform/db/read-cache.ts'
import { updateRowById } from '../../platform/db/rows.ts'
import { patientRows } from '../../practice/queries.ts'

export const sharedDocuments = compiledQuery(
  (db, values: { practiceId: number; patientId: number }) =>
    patientRows(db, 'documents', values.practiceId, values.patientId)
      .innerJoin('image_categories', 'image_categories.id', 'documents.category_id')
      .select([
        'documents.id',
        'documents.description',
        'documents.file_name',
        'documents.content_type',
        'documents.taken_at',
        'image_categories.name as category',
      ])
      .where('image_categories.show_in_portal', '=', true)
      .orderBy('documents.taken_at')
      .orderBy('documents.id')
      .limit(500),
)

/** What the Images tab's list is read from. */
export function sharedDocumentsDependencies(patientId: number): Dependency[] {
  return [['documents', patientId], ['image_categories']]
}

/** Documents in categories the practice shares to the portal, oldest first (SPEC: Images). */
export function listSharedDocuments(db: Database, practiceId: number, patientId: number) {
  return sharedDocuments.execute(db, { practiceId, patientId })
}

export async function findSharedDocument(
  db: Database,
  practiceId: number,
  patientId: number,
  documentId: number,
) {
  return patientRows(db, 'documents', practiceId, patientId)
    .innerJoin('image_categories', 'image_categories.id', 'documents.category_id')
    .select([
      'documents.id',
      'documents.file_name',
      'documents.content_type',
      'documents.storage_key',
      'documents.thumbnail_storage_key',
    ])
    .where('documents.id', '=', documentId)
    .where('image_categories.show_in_portal', '=', true)
    .executeTakeFirst()
}

export async function saveThumbnailKey(db: Database, documentId: number, key: string) {
  await updateRowById(db, 'documents', documentId, { thumbnail_storage_key: key })
}
