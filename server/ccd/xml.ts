/**
 * A minimal streaming XML writer that writes UTF-8 bytes. The C-CDA budget (build and
 * serialize in under 1 ms for a typical patient, DESIGN.md) rules out a DOM builder
 * (xmlbuilder2 took about 10 ms for a document of this size) and, as it turned out, string
 * appending too: a document appended in thousands of pieces is a rope that V8 must flatten and
 * then encode, which cost more than building it (docs/decisions.md). So the writer escapes
 * text and attribute values while it copies them into a growing buffer. Everything that
 * reaches the output passes through `escaped` or is markup the code itself wrote.
 */

import { ATTRIBUTE_ESCAPES, escapeAttribute, escapeText, TEXT_ESCAPES } from './escape.ts'

export { escapeAttribute, escapeText } from './escape.ts'

export type Attributes = Record<string, string | number | boolean | null | undefined>

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

const LESS_THAN = 0x3c
const GREATER_THAN = 0x3e
const SLASH = 0x2f
const SPACE = 0x20
const EQUALS = 0x3d
const QUOTE = 0x22

/** How one kind of value (text, attribute value) is escaped while it is copied. */
interface Escaping {
  /** 1 where an ASCII character is copied as it is, 0 where it is replaced or dropped. */
  plain: Uint8Array
  /** The replacement of each ASCII character that is not plain. */
  table: readonly (string | undefined)[]
  /** The string escaper, for the rest of a value from its first character beyond ASCII. */
  escapeRest: (value: string) => string
}

function escaping(
  table: readonly (string | undefined)[],
  escapeRest: (value: string) => string,
): Escaping {
  const plain = Uint8Array.from(table, (replacement) => (replacement === undefined ? 1 : 0))
  return { plain, table, escapeRest }
}

// Module constants, read on every value: the hot loop never goes through an import binding.
const TEXT = escaping(TEXT_ESCAPES, escapeText)
const ATTRIBUTE = escaping(ATTRIBUTE_ESCAPES, escapeAttribute)

const INITIAL_BYTES = 128 * 1024
// A buffer grown past this for an exceptionally large document is not kept for the next one;
// the largest generated patient (1.4 MB) grows it to 2 MB, which is kept: regrowing it (128 KB
// to 2 MB, copying each time) cost about a tenth of that build.
const LARGEST_SPARE_BYTES = 4 * 1024 * 1024
// The longest ASCII replacement ('&quot;'); three bytes per UTF-16 unit beyond ASCII.
const MAX_ESCAPED_BYTES_PER_CHARACTER = 6

/**
 * A buffer the last finished writer handed back: documents are built one at a time, so
 * reusing it spares each build allocating and growing its own (a writer that finds it taken,
 * or never finishes, simply has its own).
 */
let spare: Buffer | undefined

function takeBuffer(): Buffer {
  const buffer = spare ?? Buffer.allocUnsafe(INITIAL_BYTES)
  spare = undefined
  return buffer
}

export class XmlWriter {
  private bytes = takeBuffer()
  private length = 0
  private finished = false
  private readonly open: string[] = []

  /** Starts an element; every `start` is matched by one `end`. */
  start(name: string, attributes?: Attributes): this {
    this.startTag(name, attributes)
    this.byte(GREATER_THAN)
    this.open.push(name)
    return this
  }

  end(): this {
    const name = this.open.pop()
    if (name === undefined) throw new Error('XmlWriter.end() without a matching start()')
    this.endTag(name)
    return this
  }

  /** An element with no content. */
  empty(name: string, attributes?: Attributes): this {
    this.startTag(name, attributes)
    this.reserve(2)
    this.bytes[this.length++] = SLASH
    this.bytes[this.length++] = GREATER_THAN
    return this
  }

  /** An element holding only (escaped) text. */
  element(name: string, text: string, attributes?: Attributes): this {
    this.startTag(name, attributes)
    this.byte(GREATER_THAN)
    this.escaped(text, TEXT)
    this.endTag(name)
    return this
  }

  /** Already-rendered markup (from `emptyTag` or `fragment`); never user text. */
  raw(markup: string | Uint8Array): this {
    if (typeof markup === 'string') this.markup(markup)
    else {
      this.reserve(markup.length)
      this.bytes.set(markup, this.length)
      this.length += markup.length
    }
    return this
  }

  text(text: string): this {
    this.escaped(text, TEXT)
    return this
  }

  /**
   * Runs `write` and returns a copy of what it wrote (which stays written), so markup that
   * recurs in a document can be repeated with `raw` instead of written again.
   */
  fragment(write: () => void): Uint8Array {
    const from = this.length
    const depth = this.open.length
    write()
    if (this.open.length !== depth) throw new Error('A fragment must close what it opens')
    return Uint8Array.prototype.slice.call(this.bytes, from, this.length)
  }

  /** The document as UTF-8. The writer is done after this (or `toString`). */
  toBytes(): Buffer {
    this.assertClosed()
    const document = Buffer.from(this.bytes.subarray(0, this.length))
    this.handBack()
    return document
  }

  toString(): string {
    this.assertClosed()
    const document = this.bytes.toString('utf8', 0, this.length)
    this.handBack()
    return document
  }

  private handBack(): void {
    if (this.bytes.length <= LARGEST_SPARE_BYTES) spare = this.bytes
    // The next writer owns that buffer now; this one must never write into it again.
    this.bytes = Buffer.alloc(0)
    this.length = 0
    this.finished = true
  }

  private assertClosed(): void {
    if (this.finished) throw new Error('XmlWriter already handed its document out')
    if (this.open.length > 0) throw new Error(`Unclosed elements: ${this.open.join(' > ')}`)
  }

  private startTag(name: string, attributes: Attributes | undefined): void {
    this.reserve(1)
    this.bytes[this.length++] = LESS_THAN
    this.markup(name)
    if (attributes === undefined) return
    for (const attribute in attributes) {
      const value = attributes[attribute]
      if (value === undefined || value === null) continue
      this.attribute(attribute, typeof value === 'string' ? value : String(value))
    }
  }

  /** ` name="value"`, with room for all of it reserved once. */
  private attribute(name: string, value: string): void {
    this.reserve(name.length + 3)
    const bytes = this.bytes
    let at = this.length
    bytes[at++] = SPACE
    for (let index = 0; index < name.length; index++) {
      const code = name.charCodeAt(index)
      if (code >= 0x80) {
        // Never for the names this code writes; kept correct all the same.
        this.length = at
        this.utf8(name.slice(index))
        this.reserve(2)
        at = this.length
        break
      }
      bytes[at++] = code
    }
    this.bytes[at++] = EQUALS
    this.bytes[at++] = QUOTE
    this.length = at
    this.escaped(value, ATTRIBUTE)
    this.byte(QUOTE)
  }

  private endTag(name: string): void {
    this.reserve(name.length + 3)
    this.bytes[this.length++] = LESS_THAN
    this.bytes[this.length++] = SLASH
    this.markup(name)
    // Not within the room reserved above: a name beyond ASCII can take more bytes than units.
    this.byte(GREATER_THAN)
  }

  private byte(code: number): void {
    if (this.length === this.bytes.length) this.reserve(1)
    this.bytes[this.length++] = code
  }

  /** Names and pre-rendered markup, copied as they are. */
  private markup(value: string): void {
    this.reserve(value.length)
    const bytes = this.bytes
    let at = this.length
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index)
      if (code >= 0x80) {
        this.length = at
        this.utf8(value.slice(index))
        return
      }
      bytes[at++] = code
    }
    this.length = at
  }

  /**
   * Text or an attribute value, escaped while copied. Almost every value is ASCII; from the
   * first character beyond it, the rest goes through the string escaper and UTF-8 encoding.
   */
  private escaped(value: string, escaping: Escaping): void {
    this.reserve(value.length * MAX_ESCAPED_BYTES_PER_CHARACTER + 1)
    const { plain, table } = escaping
    const bytes = this.bytes
    let at = this.length
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index)
      if (code < 0x80 && plain[code] === 1) {
        bytes[at++] = code
        continue
      }
      if (code >= 0x80) {
        this.length = at
        const rest = value.slice(index)
        this.utf8(escaping.escapeRest(rest))
        return
      }
      const replacement = table[code] as string
      for (let r = 0; r < replacement.length; r++) bytes[at++] = replacement.charCodeAt(r)
    }
    this.length = at
  }

  private utf8(value: string): void {
    this.reserve(value.length * 3)
    this.length += this.bytes.write(value, this.length, 'utf8')
  }

  private reserve(count: number): void {
    if (this.length + count <= this.bytes.length) return
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + count))
    this.bytes.copy(grown, 0, 0, this.length)
    this.bytes = grown
  }
}
