import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { buildCcd } from './build.ts'
import { formatDay, formatTs, localizeNarrativeDates } from './dates.ts'
import { renderCcdHtml } from './render-html.ts'
import { renderCcdPdf } from './render-pdf.ts'
import { buildCareSummaryInput } from './testing.ts'

/** The text lines a pdfkit PDF draws: each BT…ET block's strings, decoded. */
function pdfLines(pdf: Buffer): string[] {
  const lines: string[] = []
  for (const stream of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    let content: string
    try {
      content = inflateSync(Buffer.from(stream[1] ?? '', 'latin1')).toString('latin1')
    } catch {
      continue
    }
    for (const block of content.matchAll(/BT([\s\S]*?)ET/g)) {
      const hex = [...(block[1] ?? '').matchAll(/<([0-9a-f]*)>/g)].map((m) => m[1]).join('')
      lines.push(Buffer.from(hex, 'hex').toString('latin1'))
    }
  }
  return lines
}

describe('dates for the reader', () => {
  // A day in the locale’s order, English (Canada) as dd/mm/yyyy.
  it.each([
    { locale: 'en-CA', day: '04/03/2025' },
    { locale: 'en-US', day: '03/04/2025' },
    { locale: 'fr-CA', day: '2025-03-04' },
    { locale: 'es-MX', day: '04/03/2025' },
  ])('writes 4 March 2025 in $locale as $day', ({ locale, day }) => {
    expect(formatDay('2025-03-04', locale)).toBe(day)
  })

  it('writes an HL7 time with the reader’s clock and its offset', () => {
    expect(formatTs('20250314150926-0500', 'en-CA')).toBe('14/03/2025 3:09 p.m. (UTC-05:00)')
    expect(formatTs('19910115', 'en-US')).toBe('01/15/1991')
    expect(formatTs('garbage', 'en-US')).toBe('Unknown')
  })

  it('rewrites the narrative’s dates and nothing else', () => {
    expect(localizeNarrativeDates('Seen March 4, 2025; X-ray May 1, 2024 14:05', 'en-CA')).toBe(
      'Seen 04/03/2025; X-ray 01/05/2024 2:05 p.m.',
    )
    expect(localizeNarrativeDates('May the force', 'en-CA')).toBe('May the force')
  })
})

describe('care summary renderings in English (Canada)', () => {
  const input = buildCareSummaryInput()
  input.patient.birthdate = '1991-01-15'
  const firstProcedure = input.procedures[0]
  if (firstProcedure) firstProcedure.performedOn = '2024-11-03'
  const xml = buildCcd(input)

  it('shows dd/mm/yyyy in the HTML header and body, and no month names', () => {
    const html = renderCcdHtml(xml, { locale: 'en-CA' })
    expect(html).toContain('<dt>Date of birth</dt><dd>15/01/1991</dd>')
    expect(html).toMatch(/<dt>Created<\/dt><dd>14\/03\/2025 10:09 a\.m\. \(UTC-05:00\)<\/dd>/)
    expect(html).toMatch(/<dt>Covers<\/dt><dd>\d{2}\/\d{2}\/\d{4} – 14\/03\/2025/)
    expect(html).toContain('<td>03/11/2024</td>')
    expect(html).not.toMatch(/(January|March|November) \d/)
  })

  it('shows dd/mm/yyyy in the PDF header and body', async () => {
    const lines = pdfLines(await renderCcdPdf(xml, { locale: 'en-CA' }))
    expect(lines).toContain('15/01/1991')
    expect(lines.some((line) => line.includes('03/11/2024'))).toBe(true)
    expect(lines.join('\n')).not.toMatch(/(January|March|November) \d/)
  })

  it('shows mm/dd/yyyy for English (US)', () => {
    const html = renderCcdHtml(xml, { locale: 'en-US' })
    expect(html).toContain('<dt>Date of birth</dt><dd>01/15/1991</dd>')
    expect(html).toContain('<td>11/03/2024</td>')
  })
})
