/**
 * A minimal streaming XML writer. The C-CDA budget (build and serialize in under 1 ms for a
 * typical patient, DESIGN.md) rules out a DOM builder: xmlbuilder2 took about 10 ms for a
 * document of this size on the reference machine, string concatenation well under 1 ms.
 * Everything that reaches the output passes through `escapeText` / `escapeAttribute`.
 */

export type Attributes = Record<string, string | number | boolean | null | undefined>

// Characters XML 1.0 forbids (C0 controls except tab/newline/return, lone surrogates,
// U+FFFE/U+FFFF) are dropped: a PMS can hold them, but a parser would reject the document.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu

const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  // Kept as character references so attribute-value normalization does not turn them into spaces.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
}

function replaceEntity(character: string): string {
  return ENTITY[character] ?? character
}

/**
 * Whether a string needs any work: a character loop, because almost every value (codes, OIDs,
 * names) is plain and a loop over short strings beats a regular expression here.
 */
function isPlain(value: string, attribute: boolean): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code < 0x20) {
      if (attribute || (code !== 0x09 && code !== 0x0a && code !== 0x0d)) return false
    } else if (code === 0x26 || code === 0x3c || code === 0x3e || (attribute && code === 0x22)) {
      return false
    } else if (code >= 0xd800 && (code <= 0xdfff || code >= 0xfffe)) {
      return false
    }
  }
  return true
}

export function escapeText(value: string): string {
  if (isPlain(value, false)) return value
  return value.replace(INVALID, '').replace(/[&<>]/g, replaceEntity)
}

export function escapeAttribute(value: string): string {
  if (isPlain(value, true)) return value
  return value.replace(INVALID, '').replace(/[&<>"\t\n\r]/g, replaceEntity)
}

function attributeString(attributes: Attributes | undefined): string {
  let out = ''
  if (attributes === undefined) return out
  for (const name in attributes) {
    const value = attributes[name]
    if (value === undefined || value === null) continue
    out += ` ${name}="${escapeAttribute(String(value))}"`
  }
  return out
}

/**
 * An empty element rendered once, for fragments that never change (templateIds, fixed codes):
 * writing a constant string is several times cheaper than rendering it per entry.
 */
export function emptyTag(name: string, attributes?: Attributes): string {
  return `<${name}${attributeString(attributes)}/>`
}

export class XmlWriter {
  private out = ''
  private readonly open: string[] = []

  /** Starts an element; every `start` is matched by one `end`. */
  start(name: string, attributes?: Attributes): this {
    this.out += `<${name}${attributeString(attributes)}>`
    this.open.push(name)
    return this
  }

  end(): this {
    const name = this.open.pop()
    if (name === undefined) throw new Error('XmlWriter.end() without a matching start()')
    this.out += `</${name}>`
    return this
  }

  /** An element with no content. */
  empty(name: string, attributes?: Attributes): this {
    this.out += `<${name}${attributeString(attributes)}/>`
    return this
  }

  /** An element holding only (escaped) text. */
  element(name: string, text: string, attributes?: Attributes): this {
    this.out += `<${name}${attributeString(attributes)}>${escapeText(text)}</${name}>`
    return this
  }

  /** Already-rendered markup (from `emptyTag` or another writer); never user text. */
  raw(markup: string): this {
    this.out += markup
    return this
  }

  text(text: string): this {
    this.out += escapeText(text)
    return this
  }

  toString(): string {
    if (this.open.length > 0) throw new Error(`Unclosed elements: ${this.open.join(' > ')}`)
    return this.out
  }
}
