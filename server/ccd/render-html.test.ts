import { describe, expect, it } from 'vitest'
import { buildCcd } from './build.ts'
import { parseXml } from './parse-xml.ts'
import { renderCcdHtml } from './render-html.ts'
import { buildCareSummaryInput, emptyCareSummaryInput } from './testing.ts'

const html = renderCcdHtml(buildCcd(buildCareSummaryInput()))

describe('renderCcdHtml', () => {
  it('shows the patient and the practice first', () => {
    expect(html).toContain('<dt>Patient</dt><dd>Jordan Lee Rivera</dd>')
    expect(html).toMatch(/<dt>Date of birth<\/dt><dd>\d{4}-\d{2}-\d{2}<\/dd>/)
    expect(html).toContain('<dt>Sex</dt><dd>Female</dd>')
    expect(html).toContain('<dt>Practice</dt><dd>Bright Smiles Dental</dd>')
  })

  it('has a table of contents whose every link jumps to a section with a heading', () => {
    const nav = /<nav aria-label="Contents">(.*?)<\/nav>/s.exec(html)?.[1] ?? ''
    const targets = [...nav.matchAll(/href="#([^"]+)"/g)].map((match) => match[1])
    expect(targets).toHaveLength(10)
    for (const target of targets) {
      expect(html).toMatch(
        new RegExp(
          `<section id="${target}" aria-labelledby="${target}-heading"><h2 id="${target}-heading">`,
        ),
      )
    }
    expect(targets).toContain('section-allergies')
  })

  it('renders narrative tables as tables with column headers', () => {
    expect(html).toContain('<table><thead><tr><th scope="col">Substance</th>')
    expect(html).not.toMatch(/<th>/)
  })

  it('escapes document text, whatever it holds', () => {
    const input = buildCareSummaryInput({ firstName: '<script>alert(1)</script>' })
    const first = input.allergies[0]
    if (first) first.allergen = '<img src=x onerror=alert(1)>'
    const page = renderCcdHtml(buildCcd(input))
    expect(page).not.toContain('<script')
    expect(page).not.toContain('<img')
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('makes no external requests and is well-formed enough to read back', () => {
    for (const page of [html, renderCcdHtml(buildCcd(emptyCareSummaryInput()))]) {
      expect(page).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i)
      expect(page).not.toMatch(/<(script|link|img|iframe)\b/i)
      expect(page).toContain("default-src 'none'")
    }
    const body = /<main>(.*)<\/main>/s.exec(html)?.[1] ?? ''
    expect(() => parseXml(`<main>${body.replaceAll('<br>', '<br/>')}</main>`)).not.toThrow()
  })

  it('says "no information" for empty sections', () => {
    const page = renderCcdHtml(buildCcd(emptyCareSummaryInput()))
    expect(page).toContain('<p>No information about allergies is known.</p>')
  })
})
