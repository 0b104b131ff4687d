import type { BuildContext } from '../context.ts'
import {
  coded,
  documentAuthorId,
  providerSpecialty,
  templateId,
  textReference,
} from '../datatypes.ts'
import type { DentalProcedure, PlannedProcedure } from '../input.ts'
import { cell } from '../narrative.ts'
import { codeSystemOid, ENTRY, OID } from '../templates.ts'
import type { XmlWriter } from '../xml.ts'

/** What a done and a planned procedure both say: the work, where in the mouth. */
type Procedure = Pick<
  DentalProcedure & PlannedProcedure,
  'code' | 'codeSystem' | 'description' | 'tooth' | 'surface'
>

/**
 * The narrative cells a procedure's row starts with: the work (its entry's original text), its
 * code, the tooth and the surface (the entry's target site, when there is a tooth).
 */
export function procedureCells(w: XmlWriter, procedure: Procedure, id: string): void {
  cell(w, procedure.description, `${id}-name`)
  cell(w, procedure.code)
  cell(w, procedure.tooth, procedure.tooth ? `${id}-site` : undefined)
  cell(w, procedure.surface, procedure.tooth && procedure.surface ? `${id}-surface` : undefined)
}

/** The entry's code (CDT unless the PMS says otherwise), read from the row's first cell. */
export function procedureCode(w: XmlWriter, procedure: Procedure, id: string): void {
  coded(w, 'code', {
    code: procedure.code,
    codeSystem: codeSystemOid(procedure.codeSystem, OID.cdt),
    displayName: procedure.description,
    originalText: `${id}-name`,
  })
  textReference(w, id)
}

/**
 * An entry's author: the summary's (CONF:1098-32628: an author described in the header is named
 * by its id alone), at `time` (HL7).
 */
export function summaryAuthorAt(ctx: BuildContext, time: string): void {
  const { w } = ctx
  w.start('author')
  templateId(w, ENTRY.authorParticipation)
  w.empty('time', { value: time })
  w.start('assignedAuthor')
  documentAuthorId(ctx)
  if (ctx.input.author) providerSpecialty(ctx, ctx.input.author)
  w.end().end()
}
