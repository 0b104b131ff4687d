import type { BuildContext } from '../context.ts'
import { coded, entryAuthor, templateId, textReference } from '../datatypes.ts'
import type { LabResult } from '../input.ts'
import { cell, type ListSection, writeListSection } from '../narrative.ts'
import { parseReferenceRange } from '../reference-range.ts'
import { ENTRY, OID, SECTIONS } from '../templates.ts'
import { hl7Instant, readableInstant } from '../time.ts'
import { startObservation } from './observation.ts'

// ObservationInterpretation (2.16.840.1.113883.5.83) for the words a PMS commonly stores.
const INTERPRETATION: Record<string, { code: string; displayName: string }> = {
  h: { code: 'H', displayName: 'High' },
  high: { code: 'H', displayName: 'High' },
  l: { code: 'L', displayName: 'Low' },
  low: { code: 'L', displayName: 'Low' },
  n: { code: 'N', displayName: 'Normal' },
  normal: { code: 'N', displayName: 'Normal' },
  a: { code: 'A', displayName: 'Abnormal' },
  abnormal: { code: 'A', displayName: 'Abnormal' },
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/

function valueText(result: LabResult): string {
  return result.unit ? `${result.value} ${result.unit}` : result.value
}

const RESULTS: ListSection<LabResult> = {
  definition: SECTIONS.results,
  headers: ['Test', 'Result', 'Reference range', 'Interpretation', 'Date'],
  rowId: 'result',
  cells(ctx, result, id) {
    const { w } = ctx
    cell(w, result.testName, `${id}-name`)
    cell(w, valueText(result), `${id}-value`)
    cell(w, result.referenceRange, result.referenceRange ? `${id}-range` : undefined)
    cell(w, result.interpretation)
    cell(w, readableInstant(result.observedAt, ctx.timeZone))
  },
  entry,
}

export function resultsSection(ctx: BuildContext): void {
  writeListSection(ctx, RESULTS, ctx.input.results)
}

/**
 * One organizer per result: the PMS stores single tests, not panels. The organizer takes the
 * test's LOINC code, as C-CDA allows for a single-observation battery.
 */
function entry(ctx: BuildContext, result: LabResult, id: string): void {
  const { w } = ctx
  const time = hl7Instant(result.observedAt, ctx.timeZone)
  const code = { code: result.loincCode, codeSystem: OID.loinc, displayName: result.testName }
  w.start('entry', { typeCode: 'DRIV' })
  w.start('organizer', { classCode: 'BATTERY', moodCode: 'EVN' })
  templateId(w, ENTRY.resultOrganizer)
  ctx.entryId('result', result.id)
  coded(w, 'code', code)
  w.empty('statusCode', { code: 'completed' })
  w.start('effectiveTime').empty('low', { value: time }).empty('high', { value: time }).end()
  entryAuthor(ctx, time)
  w.start('component')
  startObservation(ctx, ENTRY.resultObservation, 'result', result.id, 'observation')
  coded(w, 'code', { ...code, originalText: `${id}-name` })
  textReference(w, id)
  w.empty('statusCode', { code: 'completed' })
  w.empty('effectiveTime', { value: time })
  value(ctx, result)
  const interpretation = INTERPRETATION[(result.interpretation ?? '').trim().toLowerCase()]
  if (interpretation) {
    w.empty('interpretationCode', { ...interpretation, codeSystem: OID.interpretation })
  }
  entryAuthor(ctx, time)
  if (result.referenceRange) referenceRange(ctx, result, `${id}-range`)
  w.end().end()
  w.end().end()
}

/**
 * A number is a PQ with its UCUM unit ('1' when unitless). Anything else, or a unit that cannot
 * be UCUM (it has spaces), is text (ST) so nothing the PMS recorded is lost or misstated.
 */
function value(ctx: BuildContext, result: LabResult): void {
  const { w } = ctx
  const text = result.value.trim()
  const unit = result.unit?.trim() || '1'
  if (NUMBER.test(text) && !/\s/.test(unit)) {
    w.empty('value', { 'xsi:type': 'PQ', value: text, unit })
    return
  }
  w.element('value', valueText(result), { 'xsi:type': 'ST' })
}

/**
 * observationRange SHALL have a value (CONF:1198-32175): the bounds as IVL_PQ in the result's
 * unit when the range is numbers (and the result a number), else the range's text as ST.
 */
function referenceRange(ctx: BuildContext, result: LabResult, id: string): void {
  const { w } = ctx
  const text = result.referenceRange?.trim() ?? ''
  const range = parseReferenceRange(text)
  const unit = result.unit?.trim() || '1'
  w.start('referenceRange').start('observationRange')
  textReference(w, id)
  if (range && NUMBER.test(result.value.trim()) && !/\s/.test(unit)) {
    w.start('value', { 'xsi:type': 'IVL_PQ' })
    if (range.low !== undefined)
      w.empty('low', { value: range.low, unit, inclusive: range.lowClosed ? undefined : 'false' })
    else w.empty('low', { nullFlavor: 'NINF' })
    if (range.high !== undefined)
      w.empty('high', {
        value: range.high,
        unit,
        inclusive: range.highClosed ? undefined : 'false',
      })
    else w.empty('high', { nullFlavor: 'PINF' })
    w.end()
  } else {
    w.element('value', text, { 'xsi:type': 'ST' })
  }
  w.end().end()
}
