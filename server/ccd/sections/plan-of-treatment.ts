import type { BuildContext } from '../context.ts'
import { entryAuthor, procedureSite, templateId } from '../datatypes.ts'
import type { PlannedProcedure } from '../input.ts'
import { cell, type ListSection, writeListSection } from '../narrative.ts'
import { ENTRY, SECTIONS } from '../templates.ts'
import { hl7Date, readableDate } from '../time.ts'
import { procedureCells, procedureCode } from './procedure-parts.ts'

const PLANNED: ListSection<PlannedProcedure> = {
  definition: SECTIONS.planOfTreatment,
  headers: [
    'Planned procedure',
    'Code',
    'Tooth or area',
    'Surface',
    'Priority',
    'Plan',
    'Plan date',
  ],
  rowId: 'planned',
  cells(ctx, procedure, id) {
    const { w } = ctx
    procedureCells(w, procedure, id)
    cell(w, procedure.priority)
    cell(w, procedure.planHeading)
    cell(w, readableDate(procedure.planDate))
  },
  entry,
}

/** Rows of the patient's Saved treatment plans, as Planned Procedure entries. */
export function planOfTreatmentSection(ctx: BuildContext): void {
  writeListSection(ctx, PLANNED, ctx.input.plannedProcedures)
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
