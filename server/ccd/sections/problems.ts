import type { BuildContext } from '../context.ts'
import { coded, dateInterval, entryAuthor, textReference } from '../datatypes.ts'
import type { Problem } from '../input.ts'
import { cell, type ListSection, writeListSection } from '../narrative.ts'
import { ENTRY, OID, SECTIONS } from '../templates.ts'
import { readableDate } from '../time.ts'
import { concernAct, onsetTime } from './concern.ts'
import { startObservation } from './observation.ts'

const PROBLEMS: ListSection<Problem> = {
  definition: SECTIONS.problems,
  headers: ['Problem', 'Onset', 'Resolved', 'Status'],
  rowId: 'problem',
  cells(ctx, problem, id) {
    const { w } = ctx
    cell(w, problem.description, `${id}-name`)
    cell(w, problem.onsetDate ? readableDate(problem.onsetDate) : 'Unknown')
    cell(w, problem.resolvedDate ? readableDate(problem.resolvedDate) : '')
    cell(w, problem.status)
  },
  entry(ctx, problem, id) {
    concernAct(ctx, ENTRY.problemConcernAct, 'problem', problem, id, observation)
  },
}

export function problemsSection(ctx: BuildContext): void {
  writeListSection(ctx, PROBLEMS, ctx.input.problems)
}

function observation(ctx: BuildContext, problem: Problem, id: string): void {
  const { w } = ctx
  startObservation(ctx, ENTRY.problemObservation, 'problem', problem.id, 'observation')
  // Problem type: SNOMED CT "Problem" with the LOINC translation R2.1 requires.
  coded(w, 'code', {
    code: '55607006',
    codeSystem: OID.snomed,
    displayName: 'Problem',
    translations: [{ code: '75326-9', codeSystem: OID.loinc, displayName: 'Problem' }],
  })
  textReference(w, id)
  w.empty('statusCode', { code: 'completed' })
  dateInterval(w, problem.onsetDate, problem.resolvedDate, false)
  coded(w, 'value', {
    xsiType: 'CD',
    code: problem.snomedCode,
    codeSystem: OID.snomed,
    displayName: problem.description,
    originalText: `${id}-name`,
    translations: problem.icd10Code
      ? [{ code: problem.icd10Code, codeSystem: OID.icd10cm, displayName: problem.description }]
      : undefined,
  })
  entryAuthor(ctx, onsetTime(problem))
  w.end()
}
