import type { BuildContext } from '../context.ts'
import { dateInterval, entryAuthor, templateId, textReference } from '../datatypes.ts'
import type { Medication } from '../input.ts'
import { cell, type ListSection, writeListSection } from '../narrative.ts'
import { ENTRY, OID, SECTIONS } from '../templates.ts'
import { hl7Date, readableDate } from '../time.ts'
import { consumable } from './consumable.ts'
import { clinicalStatusCode } from './status.ts'

const MEDICATIONS: ListSection<Medication> = {
  definition: SECTIONS.medications,
  headers: ['Medication', 'Instructions', 'Start', 'Stop', 'Status'],
  rowId: 'medication',
  cells(ctx, medication, id) {
    const { w } = ctx
    cell(w, medication.description, `${id}-name`)
    cell(w, medication.instructions)
    cell(w, medication.startDate ? readableDate(medication.startDate) : 'Unknown')
    cell(w, medication.stopDate ? readableDate(medication.stopDate) : '')
    cell(w, medication.status)
  },
  entry,
}

export function medicationsSection(ctx: BuildContext): void {
  writeListSection(ctx, MEDICATIONS, ctx.input.medications)
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
  dateInterval(w, medication.startDate, medication.stopDate, status === 'completed', 'IVL_TS')
  // SHALL (CONF:1098-7516); the PMS records instructions as text, not a dose, so it is unknown.
  w.empty('doseQuantity', { nullFlavor: 'UNK' })
  consumable(w, ENTRY.medicationInformation, {
    code: medication.rxnormCode,
    codeSystem: OID.rxnorm,
    displayName: medication.description,
    originalText: `${id}-name`,
  })
  entryAuthor(ctx, medication.startDate ? hl7Date(medication.startDate) : undefined)
  w.end().end()
}
