import type { BuildContext } from '../context.ts'
import { dateInterval, entryAuthor, templateId, textReference } from '../datatypes.ts'
import type { ClinicalStatus } from '../input.ts'
import { OID, type TemplateId } from '../templates.ts'
import { hl7Date } from '../time.ts'
import { clinicalStatusCode } from './status.ts'

/** What problems and allergies share as concerns. */
interface Concern {
  id: string
  onsetDate?: string | null
  /** Problems record when they resolved; allergies do not. */
  resolvedDate?: string | null
  status: ClinicalStatus
}

/**
 * A concern act (Problem Concern Act, Allergy Concern Act): the practice's concern, active while
 * it is tracked, from the onset to the resolution, around the observation that says what it is
 * (`observation`, given the item and its narrative row's ID). A completed concern has an end;
 * without a resolution date the PMS does not record when, so it is unknown.
 */
export function concernAct<T extends Concern>(
  ctx: BuildContext,
  template: TemplateId,
  kind: string,
  concern: T,
  id: string,
  observation: (ctx: BuildContext, concern: T, id: string) => void,
): void {
  const { w } = ctx
  const status = clinicalStatusCode(concern.status)
  w.start('entry', { typeCode: 'DRIV' }).start('act', { classCode: 'ACT', moodCode: 'EVN' })
  templateId(w, template)
  ctx.entryId(kind, concern.id)
  w.empty('code', { code: 'CONC', codeSystem: OID.actClass, displayName: 'Concern' })
  textReference(w, id)
  w.empty('statusCode', { code: status })
  dateInterval(w, concern.onsetDate, concern.resolvedDate, status === 'completed')
  entryAuthor(ctx, onsetTime(concern))
  w.start('entryRelationship', { typeCode: 'SUBJ' })
  observation(ctx, concern, id)
  w.end()
  w.end().end()
}

/** The time a concern's statements are authored at: its onset, else (unknown) the summary's. */
export function onsetTime(concern: Concern): string | undefined {
  return concern.onsetDate ? hl7Date(concern.onsetDate) : undefined
}
