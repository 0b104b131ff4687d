import { randomUUID } from 'node:crypto'
import type { FastifyReply } from 'fastify'
import { safeFileName } from '../../platform/files/names.ts'
import type { FileStorage } from '../../platform/files/storage.ts'
import { sniffContentType } from '../../platform/files/types.ts'
import { ATTACHMENT_TYPES, type AttachmentType } from './rules.ts'

/** A file as a compose form sends it: its name and its bytes in base64. */
export interface SentFile {
  fileName: string
  contentBase64: string
}

/** A file whose bytes were checked, ready to store. */
export interface CheckedFile {
  bytes: Buffer
  type: AttachmentType
  fileName: string
}

export interface StoredFile extends CheckedFile {
  storageKey: string
}

/**
 * The type the bytes prove (magic numbers, the same check as the sync API's documents), never the
 * name's or the sender's claim; null when they prove none an attachment may have.
 */
export function provenType(bytes: Uint8Array): AttachmentType | null {
  const found = sniffContentType(bytes.subarray(0, 16))
  return found && (ATTACHMENT_TYPES as readonly string[]).includes(found)
    ? (found as AttachmentType)
    : null
}

const EXTENSIONS: Record<AttachmentType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'application/pdf': 'pdf',
}

/** A sent file decoded, with the type its bytes prove (null: none an attachment may have). */
export function readSentFile(file: SentFile) {
  const bytes = Buffer.from(file.contentBase64, 'base64')
  const type = provenType(bytes)
  return {
    bytes,
    type,
    fileName: safeFileName(file.fileName, `attachment.${type ? EXTENSIONS[type] : 'bin'}`),
  }
}

/**
 * Stores checked files under fresh keys, then runs `write` (the sending transaction) with them.
 * When the write fails the files are removed again, so a refused or failed message leaves no
 * file behind that no row names.
 */
export async function withStoredFiles<T>(
  files: FileStorage,
  practiceId: number,
  checked: readonly CheckedFile[],
  write: (stored: StoredFile[]) => Promise<T>,
): Promise<T> {
  const stored: StoredFile[] = []
  try {
    for (const file of checked) {
      const storageKey = `practices/${practiceId}/messages/${randomUUID()}.${EXTENSIONS[file.type]}`
      await files.put(storageKey, file.bytes)
      stored.push({ ...file, storageKey })
    }
    return await write(stored)
  } catch (error) {
    await Promise.allSettled(stored.map((file) => files.remove(file.storageKey)))
    throw error
  }
}

/**
 * Sends a message's attachment as a download: typed only when the bytes prove an attachment type,
 * else opaque; never framed by another site, never able to load anything itself.
 */
export function sendAttachment(reply: FastifyReply, body: Buffer, name: string) {
  return reply
    .header('Content-Type', provenType(body) ?? 'application/octet-stream')
    .header('Content-Disposition', `attachment; filename="${name}"`)
    .header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'self'")
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .send(body)
}
