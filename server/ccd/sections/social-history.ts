import type { BuildContext } from '../context.ts'
import { coded, entryAuthor, textReference } from '../datatypes.ts'
import type { SmokingStatus } from '../input.ts'
import {
  cell,
  endTable,
  type ListSection,
  listEntries,
  listRows,
  startTable,
  writeSection,
} from '../narrative.ts'
import { ENTRY, OID, SECTIONS } from '../templates.ts'
import { hl7Date, localDate, readableDate } from '../time.ts'
import { startObservation } from './observation.ts'

const BIRTH_SEX: Record<string, string> = { F: 'Female', M: 'Male' }

/** Every recorded smoking status, each a Smoking Status – Meaningful Use observation. */
const SMOKING: ListSection<SmokingStatus> = {
  definition: SECTIONS.socialHistory,
  headers: ['Observation', 'Value', 'Date'],
  rowId: 'smoking',
  cells(ctx, status, id) {
    const { w } = ctx
    cell(w, 'Smoking status')
    cell(w, status.description, `${id}-value`)
    cell(w, readableDate(status.recordedOn))
  },
  entry: smokingStatus,
}

/** The smoking statuses, then birth sex when the practice recorded it: one more row and entry. */
export function socialHistorySection(ctx: BuildContext): void {
  const { w, input } = ctx
  const hasBirthSex = Boolean(input.patient.birthSex)
  writeSection(
    ctx,
    SMOKING.definition,
    input.smokingStatuses.length + (hasBirthSex ? 1 : 0),
    () => {
      startTable(w, SMOKING.headers)
      listRows(ctx, SMOKING, input.smokingStatuses)
      if (hasBirthSex) birthSexRow(ctx)
      endTable(w)
    },
    () => {
      listEntries(ctx, SMOKING, input.smokingStatuses)
      if (hasBirthSex) birthSex(ctx)
    },
  )
}

function birthSexText(code: string | null | undefined): string {
  return BIRTH_SEX[code ?? ''] ?? 'Unknown'
}

function smokingStatus(ctx: BuildContext, status: SmokingStatus, id: string): void {
  const { w } = ctx
  w.start('entry', { typeCode: 'DRIV' })
  startObservation(ctx, ENTRY.smokingStatus, 'smoking-status', status.id)
  coded(w, 'code', {
    code: '72166-2',
    codeSystem: OID.loinc,
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
}

function birthSexRow(ctx: BuildContext): void {
  const { w, input } = ctx
  w.start('tr', { ID: 'birth-sex' })
  cell(w, 'Birth sex')
  cell(w, birthSexText(input.patient.birthSex))
  cell(w, readableDate(localDate(input.document.effectiveAt, ctx.timeZone)))
  w.end()
}

/** Birth Sex Observation: F or M, anything else is unknown (nullFlavor UNK). */
function birthSex(ctx: BuildContext): void {
  const { w, input } = ctx
  const code = input.patient.birthSex
  w.start('entry')
  startObservation(ctx, ENTRY.birthSexObservation, 'birth-sex', input.patient.id)
  coded(w, 'code', { code: '76689-9', codeSystem: OID.loinc, displayName: 'Sex assigned at birth' })
  textReference(w, 'birth-sex')
  w.empty('statusCode', { code: 'completed' })
  w.empty('effectiveTime', { value: ctx.effectiveTime })
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
