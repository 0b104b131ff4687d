import type { BuildContext } from '../context.ts'
import { coded, entryAuthor, templateId, textReference } from '../datatypes.ts'
import type { Medication } from '../input.ts'
import { cell, endTable, startTable, writeSection } from '../narrative.ts'
import { ENTRY, OID, SECTIONS } from '../templates.ts'
import { hl7Date, readableDate } from '../time.ts'
import { clinicalStatusCode } from './status.ts'

const HEADERS = ['Medication', 'Instructions', 'Start', 'Stop', 'Status'] as const

export function medicationsSection(ctx: BuildContext): void {
  const { medications } = ctx.input
  writeSection(
    ctx,
    SECTIONS.medications,
    medications.length,
    () => narrative(ctx, medications),
    () => {
      for (const [index, medication] of medications.entries())
        entry(ctx, medication, `medication-${index + 1}`)
    },
  )
}

function narrative(ctx: BuildContext, medications: Medication[]): void {
  const { w } = ctx
  startTable(w, HEADERS)
  medications.forEach((medication, index) => {
    const id = `medication-${index + 1}`
    w.start('tr', { ID: id })
    cell(w, medication.description, `${id}-name`)
    cell(w, medication.instructions)
    cell(w, medication.startDate ? readableDate(medication.startDate) : 'Unknown')
    cell(w, medication.stopDate ? readableDate(medication.stopDate) : '')
    cell(w, medication.status)
    w.end()
  })
  endTable(w)
}

function entry(ctx: BuildContext, medication: Medication, id: string): void {
  const { w } = ctx
  const status = clinicalStatusCode(medication.status)
  w.start('entry', { typeCode: 'DRIV' })
  w.start('substanceAdministration', { classCode: 'SBADM', moodCode: 'EVN' })
  templateId(w, ENTRY.medicationActivity)
  ctx.entryId('medication', medication.id)
  textReference(w, id)
  w.empty('statusCode', { code: status })
  w.start('effectiveTime', { 'xsi:type': 'IVL_TS' })
  if (medication.startDate) w.empty('low', { value: hl7Date(medication.startDate) })
  else w.empty('low', { nullFlavor: 'UNK' })
  if (medication.stopDate) w.empty('high', { value: hl7Date(medication.stopDate) })
  else if (status === 'completed') w.empty('high', { nullFlavor: 'UNK' })
  w.end()
  // SHALL (CONF:1098-7516); the PMS records instructions as text, not a dose, so it is unknown.
  w.empty('doseQuantity', { nullFlavor: 'UNK' })
  w.start('consumable').start('manufacturedProduct', { classCode: 'MANU' })
  templateId(w, ENTRY.medicationInformation)
  w.start('manufacturedMaterial')
  coded(w, 'code', {
    code: medication.rxnormCode,
    codeSystem: OID.rxnorm,
    displayName: medication.description,
    originalText: `${id}-name`,
  })
  w.end().end().end()
  entryAuthor(ctx, medication.startDate ? hl7Date(medication.startDate) : undefined)
  w.end().end()
}
