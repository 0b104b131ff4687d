import type { FastifyReply } from 'fastify'
import { fileTypeFromBuffer } from 'file-type'

/** The type the bytes prove (magic numbers), never the name's or the sender's claim; or null. */
export async function provenType(bytes: Uint8Array): Promise<string | null> {
  const found = await fileTypeFromBuffer(bytes)
  return found?.mime ?? null
}

/** A file name safe in a header and on any disk. */
export function attachmentFileName(fileName: string, fallback: string): string {
  const cleaned = fileName
    .replace(/[^\w.\- ]+/g, '_')
    .replace(/^[.\s]+/, '')
    .slice(0, 100)
  return cleaned || fallback
}

const INLINE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']

/**
 * Sends a message's attachment: opened inline only for images and PDFs the bytes prove, else as
 * an opaque download; never framed by another site, never able to load anything itself.
 */
export async function sendAttachment(
  reply: FastifyReply,
  body: Buffer,
  name: string,
  disposition: 'inline' | 'attachment',
) {
  const type = await provenType(body)
  const inline = disposition === 'inline' && type !== null && INLINE_TYPES.includes(type)
  return reply
    .header('Content-Type', inline && type ? type : 'application/octet-stream')
    .header('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename="${name}"`)
    .header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'self'")
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .send(body)
}
