import { hash } from 'node:crypto'

/**
 * Deterministic identifiers. A care summary rebuilt from the same data must carry the same ids
 * (receivers reconcile entries by id across documents), so ids are name-based UUIDs in the style
 * of RFC 9562 version 5: SHA-1 of a fixed namespace and the entry's name, no randomness.
 */

// Bitewing's own namespace UUID (itself random, chosen once): keeps our ids apart from others'.
const NAMESPACE = '6f1d3c2a-b84e-4f7d-9a0e-5c3b7d21e9f4'
const SEPARATOR = '\u001f'

const HEX: string[] = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

/** A version-5-style UUID (lower case) naming `parts` within Bitewing's namespace. */
export function stableUuid(...parts: string[]): string {
  // One-shot crypto.hash: several times faster than createHash for names this short.
  const digest = hash('sha1', NAMESPACE + SEPARATOR + parts.join(SEPARATOR), 'buffer')
  digest[6] = ((digest[6] as number) & 0x0f) | 0x50
  digest[8] = ((digest[8] as number) & 0x3f) | 0x80
  let hex = ''
  for (let index = 0; index < 16; index++) {
    if (index === 4 || index === 6 || index === 8 || index === 10) hex += '-'
    hex += HEX[digest[index] as number]
  }
  return hex
}
