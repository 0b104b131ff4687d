import type { BuildContext } from '../context.ts'
import { coded, entryAuthor, templateId, textReference } from '../datatypes.ts'
import type { Problem } from '../input.ts'
import { cell, endTable, startTable, writeSection } from '../narrative.ts'
import { ENTRY, OID, SECTIONS } from '../templates.ts'
import { hl7Date, readableDate } from '../time.ts'
import { clinicalStatusCode } from './status.ts'

const HEADERS = ['Problem', 'Onset', 'Resolved', 'Status'] as const

export function problemsSection(ctx: BuildContext): void {
  const { problems } = ctx.input
  writeSection(
    ctx,
    SECTIONS.problems,
    problems.length,
    () => narrative(ctx, problems),
    () => {
      for (const [index, problem] of problems.entries()) entry(ctx, problem, `problem-${index + 1}`)
    },
  )
}

function narrative(ctx: BuildContext, problems: Problem[]): void {
  const { w } = ctx
  startTable(w, HEADERS)
  problems.forEach((problem, index) => {
    const id = `problem-${index + 1}`
    w.start('tr', { ID: id })
    cell(w, problem.description, `${id}-name`)
    cell(w, problem.onsetDate ? readableDate(problem.onsetDate) : 'Unknown')
    cell(w, problem.resolvedDate ? readableDate(problem.resolvedDate) : '')
    cell(w, problem.status)
    w.end()
  })
  endTable(w)
}

function effectiveTime(ctx: BuildContext, problem: Problem, ended: boolean): void {
  const { w } = ctx
  w.start('effectiveTime')
  if (problem.onsetDate) w.empty('low', { value: hl7Date(problem.onsetDate) })
  else w.empty('low', { nullFlavor: 'UNK' })
  if (problem.resolvedDate) w.empty('high', { value: hl7Date(problem.resolvedDate) })
  else if (ended) w.empty('high', { nullFlavor: 'UNK' })
  w.end()
}

function entry(ctx: BuildContext, problem: Problem, id: string): void {
  const { w } = ctx
  const status = clinicalStatusCode(problem.status)
  w.start('entry', { typeCode: 'DRIV' }).start('act', { classCode: 'ACT', moodCode: 'EVN' })
  templateId(w, ENTRY.problemConcernAct)
  ctx.entryId('problem', problem.id)
  w.empty('code', { code: 'CONC', codeSystem: OID.actClass, displayName: 'Concern' })
  textReference(w, id)
  w.empty('statusCode', { code: status })
  effectiveTime(ctx, problem, status === 'completed')
  const authored = problem.onsetDate ? hl7Date(problem.onsetDate) : undefined
  entryAuthor(ctx, authored)
  w.start('entryRelationship', { typeCode: 'SUBJ' })
  w.start('observation', { classCode: 'OBS', moodCode: 'EVN' })
  templateId(w, ENTRY.problemObservation)
  ctx.entryId('problem', problem.id, 'observation')
  // Problem type: SNOMED CT "Problem" with the LOINC translation R2.1 requires.
  coded(w, 'code', {
    code: '55607006',
    codeSystem: OID.snomed,
    displayName: 'Problem',
    translations: [{ code: '75326-9', codeSystem: OID.loinc, displayName: 'Problem' }],
  })
  textReference(w, id)
  w.empty('statusCode', { code: 'completed' })
  effectiveTime(ctx, problem, Boolean(problem.resolvedDate))
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
  entryAuthor(ctx, authored)
  w.end().end()
  w.end().end()
}
