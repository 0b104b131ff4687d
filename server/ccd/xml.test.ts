import { describe, expect, it } from 'vitest'
import { emptyTag, escapeAttribute, escapeText, XmlWriter } from './xml.ts'

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

  it('refuses unbalanced output', () => {
    const w = new XmlWriter()
    w.start('a')
    expect(() => w.toString()).toThrow(/Unclosed/)
    expect(() => new XmlWriter().end()).toThrow()
  })

  it('renders constant fragments once', () => {
    expect(emptyTag('statusCode', { code: 'completed' })).toBe('<statusCode code="completed"/>')
  })
})
