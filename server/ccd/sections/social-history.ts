import type { BuildContext } from '../context.ts'
import { coded, entryAuthor, templateId, textReference } from '../datatypes.ts'
import { cell, endTable, startTable, writeSection } from '../narrative.ts'
import { ENTRY, OID, SECTIONS } from '../templates.ts'
import { hl7Date, hl7Instant, localDate, readableDate } from '../time.ts'

const HEADERS = ['Observation', 'Value', 'Date'] as const

const BIRTH_SEX: Record<string, string> = { F: 'Female', M: 'Male' }

/**
 * Smoking status (every recorded one, each a Smoking Status – Meaningful Use observation) and
 * birth sex when the practice recorded it.
 */
export function socialHistorySection(ctx: BuildContext): void {
  const { smokingStatuses, patient } = ctx.input
  const hasBirthSex = Boolean(patient.birthSex)
  writeSection(
    ctx,
    SECTIONS.socialHistory,
    smokingStatuses.length + (hasBirthSex ? 1 : 0),
    () => narrative(ctx, hasBirthSex),
    () => entries(ctx, hasBirthSex),
  )
}

function birthSexText(code: string | null | undefined): string {
  return BIRTH_SEX[code ?? ''] ?? 'Unknown'
}

function narrative(ctx: BuildContext, hasBirthSex: boolean): void {
  const { w, input } = ctx
  startTable(w, HEADERS)
  input.smokingStatuses.forEach((status, index) => {
    const id = `smoking-${index + 1}`
    w.start('tr', { ID: id })
    cell(w, 'Smoking status')
    cell(w, status.description, `${id}-value`)
    cell(w, readableDate(status.recordedOn))
    w.end()
  })
  if (hasBirthSex) {
    w.start('tr', { ID: 'birth-sex' })
    cell(w, 'Birth sex')
    cell(w, birthSexText(input.patient.birthSex))
    cell(w, readableDate(localDate(input.document.effectiveAt, ctx.timeZone)))
    w.end()
  }
  endTable(w)
}

function entries(ctx: BuildContext, hasBirthSex: boolean): void {
  const { w, input } = ctx
  input.smokingStatuses.forEach((status, index) => {
    const id = `smoking-${index + 1}`
    w.start('entry', { typeCode: 'DRIV' }).start('observation', {
      classCode: 'OBS',
      moodCode: 'EVN',
    })
    templateId(w, ENTRY.smokingStatus)
    ctx.entryId('smoking-status', status.id)
    w.empty('code', {
      code: '72166-2',
      codeSystem: OID.loinc,
      codeSystemName: 'LOINC',
      displayName: 'Tobacco smoking status',
    })
    textReference(w, id)
    w.empty('statusCode', { code: 'completed' })
    w.empty('effectiveTime', { value: hl7Date(status.recordedOn) })
    coded(w, 'value', {
      xsiType: 'CD',
      code: status.snomedCode,
      codeSystem: OID.snomed,
      displayName: status.description,
      originalText: `${id}-value`,
    })
    entryAuthor(ctx, hl7Date(status.recordedOn))
    w.end().end()
  })
  if (hasBirthSex) birthSex(ctx)
}

/** Birth Sex Observation: F or M, anything else is unknown (nullFlavor UNK). */
function birthSex(ctx: BuildContext): void {
  const { w, input } = ctx
  const code = input.patient.birthSex
  w.start('entry').start('observation', { classCode: 'OBS', moodCode: 'EVN' })
  templateId(w, ENTRY.birthSexObservation)
  ctx.entryId('birth-sex', input.patient.id)
  w.empty('code', {
    code: '76689-9',
    codeSystem: OID.loinc,
    codeSystemName: 'LOINC',
    displayName: 'Sex assigned at birth',
  })
  textReference(w, 'birth-sex')
  w.empty('statusCode', { code: 'completed' })
  w.empty('effectiveTime', { value: hl7Instant(input.document.effectiveAt, ctx.timeZone) })
  if (code === 'F' || code === 'M') {
    w.empty('value', {
      'xsi:type': 'CD',
      code,
      codeSystem: OID.administrativeGender,
      displayName: BIRTH_SEX[code],
    })
  } else {
    w.empty('value', { 'xsi:type': 'CD', nullFlavor: 'UNK' })
  }
  w.end().end()
}
