import type { BuildContext } from '../context.ts'
import { coded, entryAuthor, templateId, textReference } from '../datatypes.ts'
import type { Allergy } from '../input.ts'
import { cell, endTable, startTable, writeSection } from '../narrative.ts'
import { codeSystemOid, ENTRY, OID, SECTIONS } from '../templates.ts'
import { hl7Date, readableDate } from '../time.ts'
import { clinicalStatusCode } from './status.ts'

const HEADERS = ['Substance', 'Reaction', 'Severity', 'Onset', 'Status'] as const

// Severity Observation values (SNOMED CT, value set 2.16.840.1.113883.3.88.12.3221.6.8).
const SEVERITY: Record<string, { code: string; displayName: string }> = {
  mild: { code: '255604002', displayName: 'Mild' },
  moderate: { code: '6736007', displayName: 'Moderate' },
  severe: { code: '24484000', displayName: 'Severe' },
  fatal: { code: '399166001', displayName: 'Fatal' },
}

export function allergiesSection(ctx: BuildContext): void {
  const { allergies } = ctx.input
  writeSection(
    ctx,
    SECTIONS.allergies,
    allergies.length,
    () => narrative(ctx, allergies),
    () => {
      for (const [index, allergy] of allergies.entries())
        entry(ctx, allergy, `allergy-${index + 1}`)
    },
  )
}

function narrative(ctx: BuildContext, allergies: Allergy[]): void {
  const { w } = ctx
  startTable(w, HEADERS)
  allergies.forEach((allergy, index) => {
    const id = `allergy-${index + 1}`
    w.start('tr', { ID: id })
    cell(w, allergy.allergen, `${id}-substance`)
    cell(w, allergy.reaction, allergy.reaction ? `${id}-reaction` : undefined)
    cell(w, allergy.severity, allergy.severity ? `${id}-severity` : undefined)
    cell(w, allergy.onsetDate ? readableDate(allergy.onsetDate) : 'Unknown')
    cell(w, allergy.status)
    w.end()
  })
  endTable(w)
}

function entry(ctx: BuildContext, allergy: Allergy, id: string): void {
  const { w } = ctx
  const status = clinicalStatusCode(allergy.status)
  w.start('entry', { typeCode: 'DRIV' }).start('act', { classCode: 'ACT', moodCode: 'EVN' })
  templateId(w, ENTRY.allergyConcernAct)
  ctx.entryId('allergy', allergy.id)
  w.empty('code', { code: 'CONC', codeSystem: OID.actClass, displayName: 'Concern' })
  textReference(w, id)
  w.empty('statusCode', { code: status })
  w.start('effectiveTime')
  if (allergy.onsetDate) w.empty('low', { value: hl7Date(allergy.onsetDate) })
  else w.empty('low', { nullFlavor: 'UNK' })
  // A completed concern has an end; the PMS does not record when, so it is unknown.
  if (status === 'completed') w.empty('high', { nullFlavor: 'UNK' })
  w.end()
  entryAuthor(ctx, allergy.onsetDate ? hl7Date(allergy.onsetDate) : undefined)
  w.start('entryRelationship', { typeCode: 'SUBJ' })
  observation(ctx, allergy, id)
  w.end()
  w.end().end()
}

function observation(ctx: BuildContext, allergy: Allergy, id: string): void {
  const { w } = ctx
  w.start('observation', { classCode: 'OBS', moodCode: 'EVN' })
  templateId(w, ENTRY.allergyObservation)
  ctx.entryId('allergy', allergy.id, 'observation')
  w.empty('code', { code: 'ASSERTION', codeSystem: OID.actCode })
  textReference(w, id)
  w.empty('statusCode', { code: 'completed' })
  w.start('effectiveTime')
  if (allergy.onsetDate) w.empty('low', { value: hl7Date(allergy.onsetDate) })
  else w.empty('low', { nullFlavor: 'UNK' })
  w.end()
  coded(w, 'value', {
    xsiType: 'CD',
    code: '419199007',
    codeSystem: OID.snomed,
    displayName: 'Allergy to substance (disorder)',
  })
  entryAuthor(ctx, allergy.onsetDate ? hl7Date(allergy.onsetDate) : undefined)
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
  w.start('observation', { classCode: 'OBS', moodCode: 'EVN' })
  templateId(w, ENTRY.reactionObservation)
  ctx.entryId('allergy', allergy.id, 'reaction')
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
    w.start('observation', { classCode: 'OBS', moodCode: 'EVN' })
    templateId(w, ENTRY.severityObservation)
    ctx.entryId('allergy', allergy.id, 'severity')
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
