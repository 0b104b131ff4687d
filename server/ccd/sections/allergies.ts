import type { BuildContext } from '../context.ts'
import { coded, dateInterval, entryAuthor, textReference } from '../datatypes.ts'
import type { Allergy } from '../input.ts'
import { cell, type ListSection, writeListSection } from '../narrative.ts'
import { codeSystemOid, ENTRY, OID, SECTIONS } from '../templates.ts'
import { readableDate } from '../time.ts'
import { concernAct, onsetTime } from './concern.ts'
import { startObservation } from './observation.ts'

// Severity Observation values (SNOMED CT, value set 2.16.840.1.113883.3.88.12.3221.6.8).
const SEVERITY: Record<string, { code: string; displayName: string }> = {
  mild: { code: '255604002', displayName: 'Mild' },
  moderate: { code: '6736007', displayName: 'Moderate' },
  severe: { code: '24484000', displayName: 'Severe' },
  fatal: { code: '399166001', displayName: 'Fatal' },
}

const ALLERGIES: ListSection<Allergy> = {
  definition: SECTIONS.allergies,
  headers: ['Substance', 'Reaction', 'Severity', 'Onset', 'Status'],
  rowId: 'allergy',
  cells(ctx, allergy, id) {
    const { w } = ctx
    cell(w, allergy.allergen, `${id}-substance`)
    cell(w, allergy.reaction, allergy.reaction ? `${id}-reaction` : undefined)
    cell(w, allergy.severity, allergy.severity ? `${id}-severity` : undefined)
    cell(w, allergy.onsetDate ? readableDate(allergy.onsetDate) : 'Unknown')
    cell(w, allergy.status)
  },
  entry(ctx, allergy, id) {
    concernAct(ctx, ENTRY.allergyConcernAct, 'allergy', allergy, id, observation)
  },
}

export function allergiesSection(ctx: BuildContext): void {
  writeListSection(ctx, ALLERGIES, ctx.input.allergies)
}

function observation(ctx: BuildContext, allergy: Allergy, id: string): void {
  const { w } = ctx
  startObservation(ctx, ENTRY.allergyObservation, 'allergy', allergy.id, 'observation')
  w.empty('code', { code: 'ASSERTION', codeSystem: OID.actCode })
  textReference(w, id)
  w.empty('statusCode', { code: 'completed' })
  dateInterval(w, allergy.onsetDate, undefined, false)
  coded(w, 'value', {
    xsiType: 'CD',
    code: '419199007',
    codeSystem: OID.snomed,
    displayName: 'Allergy to substance (disorder)',
  })
  entryAuthor(ctx, onsetTime(allergy))
  w.start('participant', { typeCode: 'CSM' })
  w.start('participantRole', { classCode: 'MANU' })
  w.start('playingEntity', { classCode: 'MMAT' })
  coded(w, 'code', {
    code: allergy.allergenCode,
    codeSystem: codeSystemOid(allergy.allergenCodeSystem, OID.rxnorm),
    displayName: allergy.allergen,
    originalText: `${id}-substance`,
  })
  w.end().end().end()
  const severity = severityObservation(ctx, allergy, id)
  if (allergy.reaction) reaction(ctx, allergy, id, severity)
  else if (severity) severity()
  w.end()
}

function reaction(
  ctx: BuildContext,
  allergy: Allergy,
  id: string,
  severity: (() => void) | undefined,
): void {
  const { w } = ctx
  w.start('entryRelationship', { typeCode: 'MFST', inversionInd: 'true' })
  startObservation(ctx, ENTRY.reactionObservation, 'allergy', allergy.id, 'reaction')
  w.empty('code', { code: 'ASSERTION', codeSystem: OID.actCode })
  textReference(w, `${id}-reaction`)
  w.empty('statusCode', { code: 'completed' })
  // When the reaction began and ended: the PMS records the allergy's onset, not its reactions'.
  w.start('effectiveTime').empty('low', { nullFlavor: 'UNK' }).empty('high', { nullFlavor: 'UNK' })
  w.end()
  coded(w, 'value', {
    xsiType: 'CD',
    code: allergy.reactionSnomedCode,
    codeSystem: OID.snomed,
    displayName: allergy.reaction,
    originalText: `${id}-reaction`,
  })
  // R2.1 puts the severity on the reaction it characterizes.
  severity?.()
  w.end().end()
}

function severityObservation(
  ctx: BuildContext,
  allergy: Allergy,
  id: string,
): (() => void) | undefined {
  if (!allergy.severity) return undefined
  const { w } = ctx
  const known = SEVERITY[allergy.severity.trim().toLowerCase()]
  return () => {
    w.start('entryRelationship', { typeCode: 'SUBJ', inversionInd: 'true' })
    startObservation(ctx, ENTRY.severityObservation, 'allergy', allergy.id, 'severity')
    w.empty('code', { code: 'SEV', codeSystem: OID.actCode, displayName: 'Severity Observation' })
    textReference(w, `${id}-severity`)
    w.empty('statusCode', { code: 'completed' })
    coded(w, 'value', {
      xsiType: 'CD',
      code: known?.code,
      codeSystem: OID.snomed,
      displayName: known?.displayName,
      originalText: `${id}-severity`,
    })
    w.end().end()
  }
}
