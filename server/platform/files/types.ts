/**
 * What a stored file is, proven by its first bytes (magic numbers): the portal's images, the sync
 * API's documents and WebMail's attachments all decide by this, never by a name or a claim.
 */

export type ServedType =
  | 'image/jpeg'
  | 'image/png'
  | 'image/gif'
  | 'image/webp'
  | 'image/tiff'
  | 'application/pdf'

const SIGNATURES: { type: ServedType; bytes: number[]; offset?: number }[] = [
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: 'image/tiff', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'image/tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
]

/**
 * What a file really is, from its first bytes, among the types the portal shows inline; anything
 * else is undefined and is only ever offered as a download. The stored content type is a claim
 * from the PMS; the bytes decide, so a mislabelled HTML file can never render in the portal.
 */
export function sniffContentType(head: Uint8Array): ServedType | undefined {
  const matches = (bytes: number[], offset = 0) =>
    bytes.every((byte, index) => head[offset + index] === byte)
  const found = SIGNATURES.find((signature) => matches(signature.bytes, signature.offset))
  if (found) return found.type
  const riff = matches([0x52, 0x49, 0x46, 0x46]) && matches([0x57, 0x45, 0x42, 0x50], 8)
  return riff ? 'image/webp' : undefined
}
