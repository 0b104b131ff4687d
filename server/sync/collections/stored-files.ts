import { createHash, randomUUID } from 'node:crypto'
import { Type } from 'typebox'
import { type ServedType, sniffContentType } from '../../platform/files/types.ts'
import { Problem } from '../../platform/http/problems.ts'

/**
 * Files the PMS sends inside a row (a statement's PDF, a document's image): base64 in the JSON
 * body, checked against their bytes, stored through FileStorage under a fresh key before the row
 * is written (see file-collection.ts for the order and what happens to replaced files).
 */

/** The largest file a row may carry, decoded; the route's body limit must allow its base64. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024
/** The base64 length of the largest file: what a body limit has to leave room for. */
export const MAX_FILE_BASE64_LENGTH = Math.ceil(MAX_FILE_BYTES / 3) * 4

/** The portal serves each type inline (server/portal/images/rules.ts); nothing else is accepted. */
export const FILE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/tiff',
  'application/pdf',
] as const satisfies readonly ServedType[]

const EXTENSIONS: Record<ServedType, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/tiff': '.tif',
  'application/pdf': '.pdf',
}

/**
 * A file as base64. The length is checked by the collection, not the schema, so an oversized
 * file is answered 413 naming the field rather than a generic validation error.
 */
export const Base64File = (description: string) =>
  Type.String({
    contentEncoding: 'base64',
    pattern: '^[A-Za-z0-9+/]*={0,2}$',
    description: `${description} Base64, at most ${MAX_FILE_BYTES / 1024 / 1024} MB decoded.`,
  })

export class FileTooLarge extends Problem {
  constructor(field: string) {
    const limit = `${MAX_FILE_BYTES / 1024 / 1024} MB`
    super(413, 'file-too-large', 'File too large', `The file in ${field} is over ${limit}.`, {
      [field]: `is over ${limit}`,
    })
  }
}

/** The bytes are not what the body says they are (or not valid base64 at all). */
export class FileTypeMismatch extends Problem {
  constructor(field: string, declared: ServedType, found: ServedType | undefined) {
    const actual = found ? `a file of type ${found}` : 'not an image or PDF the portal can show'
    super(
      422,
      'file-type-mismatch',
      'File type does not match',
      `The file in ${field} is ${actual}, not ${declared}.`,
      { [field]: `is ${actual}, not ${declared}` },
    )
  }
}

export interface ReceivedFile {
  bytes: Buffer
  type: ServedType
  sha256: string
}

/** Decodes a sent file and checks its size and that its first bytes prove the declared type. */
export function receiveFile(field: string, base64: string, declared: ServedType): ReceivedFile {
  if (base64.length > MAX_FILE_BASE64_LENGTH) throw new FileTooLarge(field)
  // The schema's pattern admits only the alphabet; a length off by a quarter is a cut-off file.
  if (base64.length % 4 !== 0) throw new FileTypeMismatch(field, declared, undefined)
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.length > MAX_FILE_BYTES) throw new FileTooLarge(field)
  const found = sniffContentType(bytes.subarray(0, 16))
  if (found !== declared) throw new FileTypeMismatch(field, declared, found)
  return { bytes, type: found, sha256: createHash('sha256').update(bytes).digest('hex') }
}

/** A key no file has had before: a replaced file's key is never taken up again. */
export function freshFileKey(practiceId: number, folder: string, type: ServedType): string {
  return `practices/${practiceId}/${folder}/${randomUUID()}${EXTENSIONS[type]}`
}

const FRESH_KEY =
  /^practices\/\d+\/[a-z-]+\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\./

/**
 * Whether the file under `key` is one this API stored for a single row (a fresh key, or a file
 * named after it such as its preview), so removing it with the row cannot take another row's
 * file. Rows written otherwise may share one file: the demo points thousands of documents at
 * the same few images, and a PMS may adopt such a row by its external id.
 */
export function isOwnFile(key: unknown): key is string {
  return typeof key === 'string' && FRESH_KEY.test(key)
}
