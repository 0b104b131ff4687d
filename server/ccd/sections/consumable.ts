import { type Coded, coded, templateId } from '../datatypes.ts'
import type { TemplateId } from '../templates.ts'
import type { XmlWriter } from '../xml.ts'

/** What a vaccine's record adds to its product: the lot and who made it. */
interface Batch {
  lotNumber?: string | null
  manufacturer?: string | null
}

/**
 * A substance administration's `consumable`: the product (Medication Information, Immunization
 * Medication Information) and its code.
 */
export function consumable(w: XmlWriter, template: TemplateId, code: Coded, batch?: Batch): void {
  w.start('consumable').start('manufacturedProduct', { classCode: 'MANU' })
  templateId(w, template)
  w.start('manufacturedMaterial')
  coded(w, 'code', code)
  if (batch?.lotNumber) w.element('lotNumberText', batch.lotNumber)
  w.end()
  if (batch?.manufacturer) {
    w.start('manufacturerOrganization').element('name', batch.manufacturer).end()
  }
  w.end().end()
}
