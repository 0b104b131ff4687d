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
