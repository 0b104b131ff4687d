import { describe, expect, it } from 'vitest'
import { emptyTag, escapeAttribute, escapeText, XmlWriter } from './xml.ts'

/** The writer's bytes decoded, for comparing with the string escapers. */
function written(write: (w: XmlWriter) => void): string {
  const w = new XmlWriter()
  write(w)
  return w.toString()
}

// ASCII, markup, controls XML forbids, Latin-1, CJK, an emoji, lone surrogates, U+FFFE.
const AWKWARD = [
  'plain',
  'a < b & c > d "q"',
  'a\tb\nc\rd',
  'bell\u0007 nul\u0000 \uFFFE end',
  'lone \uD800 surrogate \uDC00',
  'Zoë 李小龍 😀',
  'Ñúñez & <Ólafsdóttir> "x"\n',
  '😀<',
  '',
]

describe('escaping', () => {
  it('escapes markup characters in text and attributes', () => {
    expect(escapeText('a < b & c > d "q"')).toBe('a &lt; b &amp; c &gt; d "q"')
    expect(escapeAttribute('say "hi" & <go>')).toBe('say &quot;hi&quot; &amp; &lt;go&gt;')
  })

  it('keeps line breaks in attributes as character references', () => {
    expect(escapeAttribute('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d')
    expect(escapeText('a\tb\nc')).toBe('a\tb\nc')
  })

  it('drops characters XML 1.0 cannot hold, keeps every real character', () => {
    expect(escapeText('bell\u0007 nul\u0000 \uFFFE end')).toBe('bell nul  end')
    expect(escapeText('lone \uD800 surrogate')).toBe('lone  surrogate')
    expect(escapeText('Zoë 李小龍 😀')).toBe('Zoë 李小龍 😀')
  })

  it('returns plain strings unchanged', () => {
    const plain = '2.16.840.1.113883.10.20.22.1.1'
    expect(escapeAttribute(plain)).toBe(plain)
  })
})

describe('XmlWriter', () => {
  it('writes nested elements, skipping absent attributes', () => {
    const w = new XmlWriter()
    w.start('a', { x: '1', y: undefined, z: null }).element('b', 'x<y').empty('c', { n: 2 }).end()
    expect(w.toString()).toBe('<a x="1"><b>x&lt;y</b><c n="2"/></a>')
  })

  it('escapes text and attributes exactly as the string escapers do, in UTF-8', () => {
    for (const value of AWKWARD) {
      expect(written((w) => w.element('t', value, { v: value }))).toBe(
        `<t v="${escapeAttribute(value)}">${escapeText(value)}</t>`,
      )
      const w = new XmlWriter()
      w.text(value)
      expect(w.toBytes()).toEqual(Buffer.from(escapeText(value), 'utf8'))
    }
  })

  it('grows past its first buffer without losing anything', () => {
    const long = `${'é'.repeat(50_000)}&${'x'.repeat(200_000)}`
    expect(written((w) => w.element('t', long))).toBe(`<t>${escapeText(long)}</t>`)
  })

  it('grows in the middle of a tag, and writes names beyond ASCII as UTF-8', () => {
    const long = `${'x'.repeat(140_000)}"é`
    const xml = written((w) => w.empty('t', { a: 'b', é: long, ñame: 1, z: 'ü' }))
    expect(xml).toBe(`<t a="b" é="${escapeAttribute(long)}" ñame="1" z="ü"/>`)
  })

  it('repeats a fragment as it was first written', () => {
    const w = new XmlWriter()
    w.start('a')
    const fragment = w.fragment(() => w.start('b', { k: 'v' }).text('Zoë').end())
    w.raw(fragment).end()
    expect(w.toString()).toBe('<a><b k="v">Zoë</b><b k="v">Zoë</b></a>')
    expect(() => new XmlWriter().fragment(() => undefined)).not.toThrow()
    const open = new XmlWriter()
    expect(() => open.fragment(() => open.start('x'))).toThrow(/close/)
  })

  it('refuses unbalanced output and a second hand-out', () => {
    const w = new XmlWriter()
    w.start('a')
    expect(() => w.toString()).toThrow(/Unclosed/)
    expect(() => new XmlWriter().end()).toThrow()
    const done = new XmlWriter().empty('a')
    expect(done.toString()).toBe('<a/>')
    expect(() => done.toBytes()).toThrow(/already/)
  })

  it('gives each writer its own bytes, however writers follow one another', () => {
    const first = new XmlWriter().element('a', 'first')
    const second = new XmlWriter().element('b', 'second')
    const firstXml = first.toString()
    const third = new XmlWriter().element('c', 'third')
    expect([firstXml, second.toString(), third.toString()]).toEqual([
      '<a>first</a>',
      '<b>second</b>',
      '<c>third</c>',
    ])
  })

  it('renders constant fragments once', () => {
    expect(emptyTag('statusCode', { code: 'completed' })).toBe('<statusCode code="completed"/>')
  })
})
