import type { Database } from '../../platform/db/database.ts'
import type { FileStorage } from '../../platform/files/storage.ts'
import { NotFound } from '../../platform/http/problems.ts'
import { saveThumbnailKey } from './queries.ts'
import { isImage, sniffContentType } from './rules.ts'

export const THUMBNAIL_SIZE = 240

/** A small JPEG preview that fits in a square; made once per document and stored. */
export async function makeThumbnail(image: Buffer): Promise<Buffer> {
  // Loaded on first use, keeping sharp's native library out of start-up.
  const { default: sharp } = await import('sharp')
  return sharp(image, { limitInputPixels: 100_000_000 })
    .rotate()
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 78 })
    .toBuffer()
}

export function thumbnailKey(practiceId: number, documentId: number): string {
  return `practices/${practiceId}/thumbnails/document-${documentId}.jpg`
}

/**
 * The document's stored preview, made now if it was never made or its file is gone. Only bytes
 * that prove to be an image get one.
 */
export async function storedThumbnail(
  db: Database,
  files: FileStorage,
  practiceId: number,
  document: { id: number; storage_key: string; thumbnail_storage_key: string | null },
): Promise<Buffer> {
  let key = document.thumbnail_storage_key
  if (!key || !(await files.exists(key))) {
    const original = await files.get(document.storage_key)
    if (!isImage(sniffContentType(original))) throw new NotFound('This document has no preview.')
    key = thumbnailKey(practiceId, document.id)
    await files.put(key, await makeThumbnail(original))
    await saveThumbnailKey(db, document.id, key)
  }
  return files.get(key)
}
