import type { BuildContext } from '../context.ts'
import { entryAuthor, procedureSite, templateId } from '../datatypes.ts'
import type { PlannedProcedure } from '../input.ts'
import { cell, endTable, startTable, writeSection } from '../narrative.ts'
import { ENTRY, SECTIONS } from '../templates.ts'
import { hl7Date, readableDate } from '../time.ts'
import { procedureCells, procedureCode } from './procedure-parts.ts'

const HEADERS = [
  'Planned procedure',
  'Code',
  'Tooth or area',
  'Surface',
  'Priority',
  'Plan',
  'Plan date',
] as const

/** Rows of the patient's Saved treatment plans, as Planned Procedure entries. */
export function planOfTreatmentSection(ctx: BuildContext): void {
  const planned = ctx.input.plannedProcedures
  writeSection(
    ctx,
    SECTIONS.planOfTreatment,
    planned.length,
    () => narrative(ctx, planned),
    () => {
      for (const [index, procedure] of planned.entries())
        entry(ctx, procedure, `planned-${index + 1}`)
    },
  )
}

function narrative(ctx: BuildContext, planned: PlannedProcedure[]): void {
  const { w } = ctx
  startTable(w, HEADERS)
  planned.forEach((procedure, index) => {
    const id = `planned-${index + 1}`
    w.start('tr', { ID: id })
    procedureCells(w, procedure, id)
    cell(w, procedure.priority)
    cell(w, procedure.planHeading)
    cell(w, readableDate(procedure.planDate))
    w.end()
  })
  endTable(w)
}

/**
 * moodCode INT: the practice intends to do it. The plan records no scheduled date, so the
 * effectiveTime is unknown (the plan's date is when it was saved, not when the work happens);
 * the plan's date is its author's time, the author being the summary's (CONF:1098-32628: an
 * entry author that is described in the header is named by its id alone).
 */
function entry(ctx: BuildContext, procedure: PlannedProcedure, id: string): void {
  const { w } = ctx
  w.start('entry').start('procedure', { classCode: 'PROC', moodCode: 'INT' })
  templateId(w, ENTRY.plannedProcedure)
  ctx.entryId('planned-procedure', procedure.id)
  procedureCode(w, procedure, id)
  w.empty('statusCode', { code: 'active' })
  w.empty('effectiveTime', { nullFlavor: 'UNK' })
  procedureSite(w, procedure, id)
  entryAuthor(ctx, hl7Date(procedure.planDate))
  w.end().end()
}
