import type { BuildContext } from '../context.ts'
import { entryAuthor, templateId, textReference } from '../datatypes.ts'
import type { Immunization } from '../input.ts'
import { cell, type ListSection, writeListSection } from '../narrative.ts'
import { ENTRY, OID, SECTIONS } from '../templates.ts'
import { hl7Date, readableDate } from '../time.ts'
import { consumable } from './consumable.ts'
import { startObservation } from './observation.ts'

const STATUS_TEXT: Record<Immunization['status'], string> = {
  Completed: 'Completed',
  Refused: 'Refused',
  NotAdministered: 'Not administered',
}

// No Immunization Reason (HL7 ActReason): the code itself or the words a PMS tends to store.
const REASONS: [RegExp, string, string][] = [
  [/^immune$|immun/i, 'IMMUNE', 'Immunity'],
  [/^medprec$|precaution|medical/i, 'MEDPREC', 'Medical precaution'],
  [/^ostock$|stock/i, 'OSTOCK', 'Product out of stock'],
  [/^patobj$|objection|refus/i, 'PATOBJ', 'Patient objection'],
  [/^philisop$|philosoph/i, 'PHILISOP', 'Philosophical objection'],
  [/^relig$|religi/i, 'RELIG', 'Religious objection'],
  [/^vaceff$|efficacy/i, 'VACEFF', 'Vaccine efficacy concerns'],
  [/^vacsaf$|safety/i, 'VACSAF', 'Vaccine safety concerns'],
]

function refusalReason(
  text: string | null | undefined,
): { code: string; displayName: string } | undefined {
  if (!text) return undefined
  const match = REASONS.find(([pattern]) => pattern.test(text.trim()))
  return match ? { code: match[1], displayName: match[2] } : undefined
}

const IMMUNIZATIONS: ListSection<Immunization> = {
  definition: SECTIONS.immunizations,
  headers: ['Vaccine', 'Date', 'Status', 'Lot', 'Manufacturer', 'Reason not given'],
  rowId: 'immunization',
  cells(ctx, immunization, id) {
    const { w } = ctx
    cell(w, immunization.vaccine, `${id}-name`)
    cell(w, readableDate(immunization.administeredOn))
    cell(w, STATUS_TEXT[immunization.status])
    cell(w, immunization.lotNumber)
    cell(w, immunization.manufacturer)
    cell(w, immunization.status === 'Completed' ? '' : immunization.refusalReason)
  },
  entry,
}

export function immunizationsSection(ctx: BuildContext): void {
  writeListSection(ctx, IMMUNIZATIONS, ctx.input.immunizations)
}

function entry(ctx: BuildContext, immunization: Immunization, id: string): void {
  const { w } = ctx
  const given = immunization.status === 'Completed'
  w.start('entry', { typeCode: 'DRIV' })
  // negationInd: the vaccine was not given (refused or not administered).
  w.start('substanceAdministration', {
    classCode: 'SBADM',
    moodCode: 'EVN',
    negationInd: given ? 'false' : 'true',
  })
  templateId(w, ENTRY.immunizationActivity)
  ctx.entryId('immunization', immunization.id)
  textReference(w, id)
  w.empty('statusCode', { code: 'completed' })
  w.empty('effectiveTime', { value: hl7Date(immunization.administeredOn) })
  consumable(
    w,
    ENTRY.immunizationMedicationInformation,
    {
      code: immunization.cvxCode,
      codeSystem: OID.cvx,
      displayName: immunization.vaccine,
      originalText: `${id}-name`,
    },
    immunization,
  )
  entryAuthor(ctx, hl7Date(immunization.administeredOn))
  const reason = given ? undefined : refusalReason(immunization.refusalReason)
  if (reason) {
    w.start('entryRelationship', { typeCode: 'RSON' })
    startObservation(
      ctx,
      ENTRY.immunizationRefusalReason,
      'immunization',
      immunization.id,
      'refusal-reason',
    )
    w.empty('code', { ...reason, codeSystem: OID.actReason })
    w.empty('statusCode', { code: 'completed' })
    w.end().end()
  }
  w.end().end()
}
