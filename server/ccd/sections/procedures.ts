import type { BuildContext } from '../context.ts'
import {
  assignedEntity,
  entryAuthor,
  procedureSite,
  providerName,
  templateId,
} from '../datatypes.ts'
import type { DentalProcedure } from '../input.ts'
import { cell, endTable, startTable, writeSection } from '../narrative.ts'
import { ENTRY, SECTIONS } from '../templates.ts'
import { hl7Date, readableDate } from '../time.ts'
import { procedureCells, procedureCode } from './procedure-parts.ts'

const HEADERS = ['Procedure', 'Code', 'Tooth or area', 'Surface', 'Date', 'Provider'] as const

export function proceduresSection(ctx: BuildContext): void {
  const { procedures } = ctx.input
  writeSection(
    ctx,
    SECTIONS.procedures,
    procedures.length,
    () => narrative(ctx, procedures),
    () => {
      for (const [index, procedure] of procedures.entries())
        entry(ctx, procedure, `procedure-${index + 1}`)
    },
  )
}

function narrative(ctx: BuildContext, procedures: DentalProcedure[]): void {
  const { w } = ctx
  startTable(w, HEADERS)
  procedures.forEach((procedure, index) => {
    const id = `procedure-${index + 1}`
    const provider = procedure.providerId ? ctx.providers.get(procedure.providerId) : undefined
    w.start('tr', { ID: id })
    procedureCells(w, procedure, id)
    cell(w, readableDate(procedure.performedOn))
    cell(w, provider ? providerName(provider) : '')
    w.end()
  })
  endTable(w)
}

/**
 * The tooth is the target site, coded in ISO 3950, and each surface one more, coded in SNOMED CT;
 * without a tooth, the area of the mouth (teeth.ts procedureArea). Their original text is the
 * narrative's cells, the tooth in the practice's own notation.
 */
function entry(ctx: BuildContext, procedure: DentalProcedure, id: string): void {
  const { w } = ctx
  const provider = procedure.providerId ? ctx.providers.get(procedure.providerId) : undefined
  w.start('entry', { typeCode: 'DRIV' })
  w.start('procedure', { classCode: 'PROC', moodCode: 'EVN' })
  templateId(w, ENTRY.procedureActivityProcedure)
  ctx.entryId('procedure', procedure.id)
  procedureCode(w, procedure, id)
  w.empty('statusCode', { code: 'completed' })
  w.empty('effectiveTime', { value: hl7Date(procedure.performedOn) })
  procedureSite(w, procedure, id)
  if (provider) {
    ctx.reuse(`performer-${provider.id}`, () => {
      ctx.w.start('performer')
      assignedEntity(ctx, provider, true)
      ctx.w.end()
    })
  }
  // The record's author is the summary's (as for planned procedures), at the day of the work.
  entryAuthor(ctx, hl7Date(procedure.performedOn))
  w.end().end()
}
