import type { BuildContext } from '../context.ts'
import { templateId } from '../datatypes.ts'
import type { TemplateId } from '../templates.ts'

const EVENT = { classCode: 'OBS', moodCode: 'EVN' } as const

/**
 * Opens an observation that happened (moodCode EVN) with its template and id: the id is the
 * row's kind and id, with `part` naming a statement nested in an entry (ctx.entryId).
 * The caller writes the rest and closes it.
 */
export function startObservation(
  ctx: BuildContext,
  template: TemplateId,
  kind: string,
  id: string,
  part?: string,
): void {
  ctx.w.start('observation', EVENT)
  templateId(ctx.w, template)
  ctx.entryId(kind, id, part)
}
