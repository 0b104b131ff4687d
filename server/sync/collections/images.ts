import { sql } from 'kysely'
import { Type } from 'typebox'
import { queueFileRemoval } from '../../platform/files/removal.ts'
import { Problem } from '../../platform/http/problems.ts'
import { isImage } from '../../portal/images/rules.ts'
import { makeThumbnail, thumbnailKey } from '../../portal/images/thumbnails.ts'
import { tableCollection } from '../table-collection.ts'
import { FreeText, Instant, Opt, RefTo, SyncRecord, Text } from './fields.ts'
import { fileCollection } from './file-collection.ts'
import { Base64File, FILE_TYPES, isOwnFile } from './stored-files.ts'

/** The Images tab: image categories (folders, shared to the portal or not) and their documents. */

export const SyncImageCategory = SyncRecord('SyncImageCategory', {
  name: Text(100),
  showInPortal: Type.Boolean({ description: 'Whether patients see its documents (Images tab).' }),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
})

export const imageCategories = tableCollection({
  name: 'image-categories',
  table: 'image_categories',
  schema: SyncImageCategory,
  example: { name: 'X-rays', showInPortal: true, sortOrder: 1 },
  columns: ['name', 'showInPortal', 'sortOrder'],
  // Its documents go with it (rows now, files once the delete commits): a document cannot be
  // shown without its category, and the PMS cannot point one at a category that is gone.
  async remove(ctx, id) {
    const { rows } = await sql<{ id: number; storage_key: string; thumb: string | null }>`
      delete from documents where practice_id = ${ctx.practiceId} and category_id = ${id}
      returning id, storage_key, thumbnail_storage_key as thumb`.execute(ctx.db)
    await queueFileRemoval(
      ctx.db,
      ctx.practiceId,
      rows.flatMap((row) => [
        ...[row.storage_key, row.thumb].filter(isOwnFile),
        thumbnailKey(ctx.practiceId, row.id),
      ]),
    )
    await sql`delete from image_categories where id = ${id}`.execute(ctx.db)
  },
})

const DOCUMENT_FIELDS = {
  patientExternalId: RefTo('patients'),
  categoryExternalId: RefTo('image-categories'),
  description: Type.Optional(FreeText(500)),
  fileName: Text(255),
  contentType: Type.Enum(FILE_TYPES, {
    description: 'What the file is; its first bytes must prove it.',
  }),
  takenAt: Instant,
}

export const SyncDocument = SyncRecord('SyncDocument', {
  ...DOCUMENT_FIELDS,
  file: Base64File('The image or PDF.'),
})

const DOCUMENT_FILE_COLUMNS = {
  fileKey: 'storage_key',
  fileSha256: 'sha256',
  sizeBytes: 'size_bytes',
  thumbnailKey: 'thumbnail_storage_key',
}

const documentRows = tableCollection({
  name: 'documents',
  table: 'documents',
  schema: Type.Object({
    ...DOCUMENT_FIELDS,
    fileKey: Type.String(),
    fileSha256: Type.String(),
    sizeBytes: Type.Integer(),
    thumbnailKey: Opt(Type.String()),
  }),
  example: {
    patientExternalId: 'example',
    categoryExternalId: 'example',
    fileName: 'example.png',
    contentType: 'image/png',
    takenAt: '2026-02-01T15:00:00.000Z',
    fileKey: 'example',
    fileSha256: 'example',
    sizeBytes: 0,
  },
  columns: {
    description: 'description',
    fileName: 'file_name',
    contentType: 'content_type',
    takenAt: 'taken_at',
    ...DOCUMENT_FILE_COLUMNS,
  },
  references: {
    patientExternalId: ['patients', 'patient_id'],
    categoryExternalId: ['image-categories', 'category_id'],
  },
})

export class UnreadableImage extends Problem {
  constructor(field: string) {
    super(422, 'unreadable-image', 'Unreadable image', `The image in ${field} cannot be read.`, {
      [field]: 'cannot be read as an image',
    })
  }
}

/** A 1×1 PNG: enough for the example to pass the byte check and make a preview. */
const EXAMPLE_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

export const documents = fileCollection({
  name: 'documents',
  schema: SyncDocument,
  example: {
    patientExternalId: 'example',
    categoryExternalId: 'example',
    description: 'Bitewing - left',
    fileName: 'bitewing-left.png',
    contentType: 'image/png',
    takenAt: '2026-02-01T15:00:00.000Z',
    file: EXAMPLE_PNG,
  },
  rows: documentRows,
  table: 'documents',
  fileColumns: DOCUMENT_FILE_COLUMNS,
  field: 'file',
  folder: 'documents',
  declaredType: (body) => body.contentType,
  // Images get the preview the Images tab shows, made now beside the file: the first view need
  // not wait for it, and an image that cannot be decoded is refused before any row is written.
  async describe(ctx, file, key) {
    if (!isImage(file.type)) return { sizeBytes: file.bytes.length, thumbnailKey: null }
    const preview = await makeThumbnail(file.bytes).catch(() => {
      throw new UnreadableImage('file')
    })
    const previewKey = `${key}.thumb.jpg`
    await ctx.files.put(previewKey, preview)
    return { sizeBytes: file.bytes.length, thumbnailKey: previewKey }
  },
  madeLater: (practiceId, id) => [thumbnailKey(practiceId, id)],
})
