import { describe, expect, it } from 'vitest'
import { find, parseXml, textOf, XmlParseError } from './parse-xml.ts'
import { XmlWriter } from './xml.ts'

describe('parseXml', () => {
  it('reads elements, attributes, text and entities', () => {
    const root = parseXml(
      '<?xml version="1.0"?><!-- note --><a xmlns:s="urn:x" k="1 &amp; 2"><s:b>x &lt; y &#233;&#x4E2D;</s:b><c/><![CDATA[<raw>]]></a>',
    )
    expect(root.name).toBe('a')
    expect(root.attributes.k).toBe('1 & 2')
    expect(find(root, 'b')?.name).toBe('s:b')
    expect(textOf(find(root, 'b'))).toBe('x < y é中')
    expect(root.children.at(-1)).toBe('<raw>')
  })

  it('reads back what XmlWriter writes', () => {
    const w = new XmlWriter()
    const nasty = 'Zoë "<script>" & \'quotes\' 李小龍'
    w.start('root', { title: nasty }).element('name', nasty).end()
    const root = parseXml(w.toString())
    expect(root.attributes.title).toBe(nasty)
    expect(textOf(find(root, 'name'))).toBe(nasty)
  })

  it('refuses DOCTYPEs (no entity expansion) and malformed documents', () => {
    expect(() => parseXml('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')).toThrow(XmlParseError)
    expect(() => parseXml('<a><b></a>')).toThrow(XmlParseError)
    expect(() => parseXml('<a>')).toThrow(XmlParseError)
    expect(() => parseXml('<a>&nope;</a>')).toThrow(XmlParseError)
    expect(() => parseXml('<a/><b/>')).toThrow(XmlParseError)
    expect(() => parseXml('just text')).toThrow(XmlParseError)
  })
})
