/**
 * A small, strict XML parser for reading care summaries back (the renderers work from the
 * document, not from the data that built it). xmlbuilder2's DOM parser took ~100 ms for a typical
 * summary; this takes about a millisecond. It handles what documents contain (elements,
 * attributes, text, CDATA, comments, processing instructions, character and the five predefined
 * entity references) and refuses DOCTYPEs, so no entity expansion or external fetch can happen.
 */

export interface XmlElement {
  /** The qualified name as written (`sdtc:raceCode`). */
  name: string
  /** The name without its prefix (`raceCode`). */
  localName: string
  attributes: Record<string, string>
  children: XmlNode[]
}

export type XmlNode = XmlElement | string

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

export class XmlParseError extends Error {
  override name = 'XmlParseError'
}

function decode(text: string, at: number): string {
  if (!text.includes('&')) return text
  return text.replace(/&([^;&\s]*);?/g, (match, name: string) => {
    if (!match.endsWith(';')) throw new XmlParseError(`Unterminated entity reference near ${at}`)
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10))
    const value = PREDEFINED[name]
    if (value === undefined) throw new XmlParseError(`Unknown entity &${name}; near ${at}`)
    return value
  })
}

const NAME = /[^\s/>=]+/y
const ATTRIBUTE = /\s*([^\s/>=]+)\s*=\s*("([^"]*)"|'([^']*)')/y

function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(colon + 1)
}

/** Parses a whole document and returns its root element. */
export function parseXml(source: string): XmlElement {
  // A string made by appending (as fast-xml-builder or a test's replace makes them) is a rope;
  // reading a rope character by character is ~20x slower than reading a flat copy, so take one.
  const xml = Buffer.from(source, 'utf8').toString('utf8')
  let position = 0
  const stack: XmlElement[] = []
  let root: XmlElement | undefined

  const expect = (token: string): number => {
    const found = xml.indexOf(token, position)
    if (found === -1) throw new XmlParseError(`Expected "${token}" after position ${position}`)
    return found
  }

  const addText = (text: string) => {
    const parent = stack[stack.length - 1]
    if (parent) parent.children.push(text)
    else if (text.trim() !== '') throw new XmlParseError('Text outside the root element')
  }

  while (position < xml.length) {
    const lt = xml.indexOf('<', position)
    if (lt === -1) {
      addText(decode(xml.slice(position), position))
      break
    }
    if (lt > position) addText(decode(xml.slice(position, lt), position))
    position = lt
    if (xml.startsWith('<!--', position)) {
      position = expect('-->') + 3
    } else if (xml.startsWith('<![CDATA[', position)) {
      const end = expect(']]>')
      addText(xml.slice(position + 9, end))
      position = end + 3
    } else if (xml.startsWith('<?', position)) {
      position = expect('?>') + 2
    } else if (xml.startsWith('<!', position)) {
      throw new XmlParseError('DOCTYPE and other declarations are not accepted')
    } else if (xml.startsWith('</', position)) {
      const end = expect('>')
      const name = xml.slice(position + 2, end).trim()
      const open = stack.pop()
      if (!open || open.name !== name)
        throw new XmlParseError(`Unexpected </${name}> at ${position}`)
      position = end + 1
    } else {
      position = startTag(xml, position + 1, stack, (element) => {
        if (root) throw new XmlParseError('More than one root element')
        root = element
      })
    }
  }
  if (stack.length > 0) throw new XmlParseError(`Unclosed <${stack[stack.length - 1]?.name}>`)
  if (!root) throw new XmlParseError('No root element')
  return root
}

/** Reads `<name attr="…" …>` or `<name …/>` from `start` (after '<'); returns the new position. */
function startTag(
  xml: string,
  start: number,
  stack: XmlElement[],
  setRoot: (element: XmlElement) => void,
): number {
  NAME.lastIndex = start
  const nameMatch = NAME.exec(xml)
  if (!nameMatch) throw new XmlParseError(`Malformed tag at ${start}`)
  const name = nameMatch[0]
  const element: XmlElement = { name, localName: localName(name), attributes: {}, children: [] }
  let position = NAME.lastIndex
  for (;;) {
    ATTRIBUTE.lastIndex = position
    const attribute = ATTRIBUTE.exec(xml)
    if (!attribute) break
    const value = attribute[3] ?? attribute[4] ?? ''
    element.attributes[attribute[1] as string] = decode(value.replace(/[\t\n\r]/g, ' '), position)
    position = ATTRIBUTE.lastIndex
  }
  while (/\s/.test(xml[position] ?? '')) position++
  const selfClosing = xml.startsWith('/>', position)
  if (!selfClosing && xml[position] !== '>')
    throw new XmlParseError(`Malformed <${name}> at ${start}`)
  const parent = stack[stack.length - 1]
  if (parent) parent.children.push(element)
  else setRoot(element)
  if (!selfClosing) stack.push(element)
  return position + (selfClosing ? 2 : 1)
}

/** Child elements with this local name. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = []
  for (const child of element.children) {
    if (typeof child !== 'string' && (name === undefined || child.localName === name))
      out.push(child)
  }
  return out
}

/** The first element along a path of local names. */
export function find(element: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let current = element
  for (const name of path) {
    if (!current) return undefined
    current = childElements(current, name)[0]
  }
  return current
}

/** All text inside an element, whitespace collapsed. */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return ''
  let text = ''
  const walk = (node: XmlElement) => {
    for (const child of node.children) {
      if (typeof child === 'string') text += child
      else {
        walk(child)
        text += ' '
      }
    }
  }
  walk(element)
  return text.replace(/\s+/g, ' ').trim()
}
