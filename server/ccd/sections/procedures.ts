import type { BuildContext } from '../context.ts'
import {
  entryAuthor,
  performer,
  procedureSite,
  providerName,
  providerOf,
  templateId,
} from '../datatypes.ts'
import type { DentalProcedure } from '../input.ts'
import { cell, type ListSection, writeListSection } from '../narrative.ts'
import { ENTRY, SECTIONS } from '../templates.ts'
import { hl7Date, readableDate } from '../time.ts'
import { procedureCells, procedureCode } from './procedure-parts.ts'

const PROCEDURES: ListSection<DentalProcedure> = {
  definition: SECTIONS.procedures,
  headers: ['Procedure', 'Code', 'Tooth or area', 'Surface', 'Date', 'Provider'],
  rowId: 'procedure',
  cells(ctx, procedure, id) {
    const { w } = ctx
    const provider = providerOf(ctx, procedure.providerId)
    procedureCells(w, procedure, id)
    cell(w, readableDate(procedure.performedOn))
    cell(w, provider ? providerName(provider) : '')
  },
  entry,
}

export function proceduresSection(ctx: BuildContext): void {
  writeListSection(ctx, PROCEDURES, ctx.input.procedures)
}

/**
 * The tooth is the target site, coded in ISO 3950, and each surface one more, coded in SNOMED CT;
 * without a tooth, the area of the mouth (teeth.ts procedureArea). Their original text is the
 * narrative's cells, the tooth in the practice's own notation.
 */
function entry(ctx: BuildContext, procedure: DentalProcedure, id: string): void {
  const { w } = ctx
  const provider = providerOf(ctx, procedure.providerId)
  w.start('entry', { typeCode: 'DRIV' })
  w.start('procedure', { classCode: 'PROC', moodCode: 'EVN' })
  templateId(w, ENTRY.procedureActivityProcedure)
  ctx.entryId('procedure', procedure.id)
  procedureCode(w, procedure, id)
  w.empty('statusCode', { code: 'completed' })
  w.empty('effectiveTime', { value: hl7Date(procedure.performedOn) })
  procedureSite(w, procedure, id)
  if (provider) performer(ctx, provider)
  // The record's author is the summary's (as for planned procedures), at the day of the work.
  entryAuthor(ctx, hl7Date(procedure.performedOn))
  w.end().end()
}
