import { describe, expect, it } from 'vitest'
import { buildCcd } from './build.ts'
import type { CareSummaryInput } from './input.ts'
import { childElements, find, parseXml } from './parse-xml.ts'
import { dayInRange, spanInRange, summaryForRange } from './range.ts'
import { buildCareSummaryInput } from './testing.ts'
import { localDate } from './time.ts'
import { validateCcd } from './validate.ts'

const RANGE = { from: '2021-01-01', to: '2023-12-31' }

/** Every dated event of an input, as the days it fell on. */
function eventDays(input: CareSummaryInput): string[] {
  const zone = input.document.timeZone
  return [
    ...input.procedures.map((p) => p.performedOn),
    ...input.encounters.map((e) => e.date),
    ...input.immunizations.map((i) => i.administeredOn),
    ...input.smokingStatuses.map((s) => s.recordedOn),
    ...input.plannedProcedures.map((p) => p.planDate),
    ...input.results.map((r) => localDate(r.observedAt, zone)),
    ...input.vitalSigns.map((v) => localDate(v.measuredAt, zone)),
  ]
}

describe('a care summary for a date range', () => {
  const full = buildCareSummaryInput({ entries: 40, seed: 7 })
  const ranged = summaryForRange(full, RANGE)

  it('keeps only the events in range, and some on either side existed', () => {
    const days = eventDays(full)
    expect(days.some((day) => day < RANGE.from)).toBe(true)
    expect(days.some((day) => day > RANGE.to)).toBe(true)
    const kept = eventDays(ranged)
    expect(kept.length).toBeGreaterThan(0)
    expect(kept.every((day) => day >= RANGE.from && day <= RANGE.to)).toBe(true)
    expect(kept).toHaveLength(days.filter((day) => dayInRange(day, RANGE)).length)
  })

  it('keeps conditions whose span touches the range and drops the rest', () => {
    for (const problem of full.problems) {
      const kept = ranged.problems.includes(problem)
      const ended = problem.resolvedDate ?? null
      const touches =
        (!problem.onsetDate || problem.onsetDate <= RANGE.to) &&
        (ended
          ? ended >= RANGE.from
          : problem.status === 'Active' ||
            (problem.onsetDate !== null &&
              problem.onsetDate !== undefined &&
              dayInRange(problem.onsetDate, RANGE)))
      expect(kept).toBe(touches)
    }
    expect(ranged.problems.length).toBeLessThan(full.problems.length)
    expect(ranged.medications.length).toBeLessThanOrEqual(full.medications.length)
  })

  it('is valid against CDA_SDTC.xsd, and its serviceEvent states the range', async () => {
    const xml = buildCcd(ranged)
    const result = await validateCcd(xml)
    expect(result.errors).toEqual([])
    const event = find(parseXml(xml), 'documentationOf', 'serviceEvent', 'effectiveTime')
    const [low, high] = event ? childElements(event) : []
    expect(low?.attributes.value).toBe('20210101')
    expect(high?.attributes.value).toBe('20231231')
  })

  it('holds in its XML only the procedures of the range', () => {
    const xml = buildCcd(ranged)
    for (const procedure of full.procedures) {
      const id = `extension="procedure-${procedure.id}"`
      expect(xml.includes(id)).toBe(dayInRange(procedure.performedOn, RANGE))
    }
  })

  it('with open bounds keeps everything on the open side; no bounds is the whole record', () => {
    const since = summaryForRange(full, { from: '2022-06-01' })
    expect(eventDays(since).every((day) => day >= '2022-06-01')).toBe(true)
    expect(summaryForRange(full, {})).toBe(full)
    const xml = buildCcd(since)
    expect(xml).toMatch(
      /<serviceEvent classCode="PCPR"><effectiveTime><low value="20220601"\/><high value="2025031/,
    )
  })

  it('decides spans: unknown end counts as ongoing only while Active', () => {
    expect(spanInRange(null, null, 'Active', RANGE)).toBe(true)
    expect(spanInRange(null, null, 'Resolved', RANGE)).toBe(false)
    expect(spanInRange('2022-01-01', null, 'Resolved', RANGE)).toBe(true)
    expect(spanInRange('2019-01-01', null, 'Inactive', RANGE)).toBe(false)
    expect(spanInRange('2019-01-01', '2020-12-31', 'Resolved', RANGE)).toBe(false)
    expect(spanInRange('2019-01-01', '2021-01-01', 'Resolved', RANGE)).toBe(true)
    expect(spanInRange('2024-01-01', null, 'Active', RANGE)).toBe(false)
  })

  it("counts an entry by the practice's local day: 03:00Z in Toronto is the day before", () => {
    const input = buildCareSummaryInput({ entries: 1 })
    input.document = { ...input.document, timeZone: 'America/Toronto' }
    const [result] = input.results
    if (!result) throw new Error('no result')
    // 2024-03-01T03:00Z is 22:00 on 29 February in Toronto (UTC-05:00).
    input.results = [{ ...result, observedAt: '2024-03-01T03:00:00Z' }]
    expect(summaryForRange(input, { from: '2024-03-01' }).results).toEqual([])
    expect(summaryForRange(input, { to: '2024-02-29' }).results).toHaveLength(1)
    expect(summaryForRange(input, { from: '2024-02-29', to: '2024-02-29' }).results).toHaveLength(1)
  })
})
