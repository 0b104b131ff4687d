import { describe, expect, it } from 'vitest'
import { buildCcd } from './build.ts'
import { renderCcdPdf } from './render-pdf.ts'
import { buildCareSummaryInput, emptyCareSummaryInput } from './testing.ts'

describe('renderCcdPdf', () => {
  it('renders a PDF of a full and an empty summary', async () => {
    for (const input of [buildCareSummaryInput(), emptyCareSummaryInput()]) {
      const pdf = await renderCcdPdf(buildCcd(input))
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(pdf.length).toBeGreaterThan(1000)
    }
  })

  it('copes with names Helvetica cannot draw', async () => {
    const input = buildCareSummaryInput({ firstName: '小龍', lastName: 'Ñúñez-Ólafsdóttir' })
    const pdf = await renderCcdPdf(buildCcd(input))
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })
})
