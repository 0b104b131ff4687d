import { sql } from 'kysely'
import { queueFileRemoval } from '../../platform/files/removal.ts'
import { thumbnailKey } from '../../portal/images/thumbnails.ts'
import type { SyncContext } from '../collection.ts'
import { isOwnFile } from './stored-files.ts'

/**
 * Queues the removal of the files only this patient's rows use, for a delete that cascades to
 * those rows (DELETE of a patient): the statement PDFs and documents this API stored, the
 * documents' previews, and the patient's care summaries (stored per patient). Call it in the
 * delete's transaction, before the delete: the files go once it has committed.
 */
export async function queuePatientFilesRemoval(ctx: SyncContext, patientId: number) {
  const { rows } = await sql<{ key: string | null; document_id: number | null; own: boolean }>`
    select pdf_storage_key as key, null::bigint as document_id, false as own
    from statements where practice_id = ${ctx.practiceId} and patient_id = ${patientId}
    union all
    select unnest(array[storage_key, thumbnail_storage_key]), id, false
    from documents where practice_id = ${ctx.practiceId} and patient_id = ${patientId}
    union all
    select xml_storage_key, null, true
    from care_summaries where practice_id = ${ctx.practiceId} and patient_id = ${patientId}`.execute(
    ctx.db,
  )
  const previews = rows
    .filter((row) => row.document_id !== null)
    .map((row) => thumbnailKey(ctx.practiceId, Number(row.document_id)))
  const keys = rows.filter((row) => row.own || isOwnFile(row.key)).map((row) => row.key)
  await queueFileRemoval(ctx.db, ctx.practiceId, [...keys, ...previews])
}
