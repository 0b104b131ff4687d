import { coded, siteText, textReference } from '../datatypes.ts'
import type { DentalProcedure, PlannedProcedure } from '../input.ts'
import { cell } from '../narrative.ts'
import { codeSystemOid, OID } from '../templates.ts'
import type { XmlWriter } from '../xml.ts'

/** What a done and a planned procedure both say: the work, where in the mouth. */
type Procedure = Pick<
  DentalProcedure & PlannedProcedure,
  'code' | 'codeSystem' | 'description' | 'tooth' | 'surface'
>

/**
 * The narrative cells a procedure's row starts with: the work (its entry's original text), its
 * code, the tooth or area and the tooth's surface (the entry's target sites).
 */
export function procedureCells(w: XmlWriter, procedure: Procedure, id: string): void {
  cell(w, procedure.description, `${id}-name`)
  cell(w, procedure.code)
  const site = siteText(procedure)
  cell(w, site, site ? `${id}-site` : undefined)
  cell(
    w,
    procedure.tooth ? procedure.surface : undefined,
    procedure.tooth && procedure.surface ? `${id}-surface` : undefined,
  )
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
