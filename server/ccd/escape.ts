/**
 * Escaping text and attribute values for XML 1.0 as strings. The writer (xml.ts) escapes ASCII
 * itself while it copies bytes and hands anything beyond ASCII to these functions.
 */

// Characters XML 1.0 forbids (C0 controls except tab/newline/return, lone surrogates,
// U+FFFE/U+FFFF) are dropped: a PMS can hold them, but a parser would reject the document.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu

const MARKUP = { '&': '&amp;', '<': '&lt;', '>': '&gt;' } as const

/** What replaces each ASCII character in text; undefined keeps it, '' drops it. */
export const TEXT_ESCAPES: readonly (string | undefined)[] = asciiTable(MARKUP)

/**
 * The same for attribute values: quotes too, and tab/newline/return kept as character
 * references so attribute-value normalization does not turn them into spaces.
 */
export const ATTRIBUTE_ESCAPES: readonly (string | undefined)[] = asciiTable({
  ...MARKUP,
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
})

function asciiTable(replacements: Record<string, string>): (string | undefined)[] {
  const table: (string | undefined)[] = []
  for (let code = 0; code < 0x80; code++) {
    const character = String.fromCharCode(code)
    const allowedControl = code === 0x09 || code === 0x0a || code === 0x0d
    table.push(replacements[character] ?? (code < 0x20 && !allowedControl ? '' : undefined))
  }
  return table
}

function escapeWith(value: string, table: readonly (string | undefined)[]): string {
  let out = ''
  for (const character of value.replace(INVALID, '')) {
    const code = character.charCodeAt(0)
    out += (code < 0x80 ? table[code] : undefined) ?? character
  }
  return out
}

export function escapeText(value: string): string {
  return escapeWith(value, TEXT_ESCAPES)
}

export function escapeAttribute(value: string): string {
  return escapeWith(value, ATTRIBUTE_ESCAPES)
}
