import type { BuildContext } from '../context.ts'
import {
  address,
  careSite,
  coded,
  contactTelecoms,
  performer,
  providerName,
  providerOf,
  telecoms,
  templateId,
  textReference,
} from '../datatypes.ts'
import type { Encounter } from '../input.ts'
import { cell, type ListSection, writeListSection } from '../narrative.ts'
import { codeSystemOid, ENTRY, OID, SECTIONS } from '../templates.ts'
import { hl7Date, readableDate } from '../time.ts'

const ENCOUNTERS: ListSection<Encounter> = {
  definition: SECTIONS.encounters,
  headers: ['Encounter', 'Date', 'Provider', 'Location'],
  rowId: 'encounter',
  cells(ctx, encounter, id) {
    const { w } = ctx
    const provider = providerOf(ctx, encounter.providerId)
    cell(w, encounter.description, `${id}-name`)
    cell(w, readableDate(encounter.date))
    cell(w, provider ? providerName(provider) : '')
    cell(w, (encounter.location ?? careSite(ctx)).name, `${id}-location`)
  },
  entry,
}

export function encountersSection(ctx: BuildContext): void {
  writeListSection(ctx, ENCOUNTERS, ctx.input.encounters)
}

function entry(ctx: BuildContext, encounter: Encounter, id: string): void {
  const { w } = ctx
  const provider = providerOf(ctx, encounter.providerId)
  const location = encounter.location ?? careSite(ctx)
  w.start('entry', { typeCode: 'DRIV' })
  w.start('encounter', { classCode: 'ENC', moodCode: 'EVN' })
  templateId(w, ENTRY.encounterActivity)
  ctx.entryId('encounter', encounter.id)
  coded(w, 'code', {
    code: encounter.code,
    codeSystem: codeSystemOid(encounter.codeSystem, OID.cpt),
    displayName: encounter.description,
    originalText: `${id}-name`,
  })
  textReference(w, id)
  w.empty('effectiveTime', { value: hl7Date(encounter.date) })
  if (provider) performer(ctx, provider)
  // Service Delivery Location. The PMS does not type its clinics with HL7 HealthcareServiceLocation
  // codes, so the code is OTH with the location's name as its text.
  w.start('participant', { typeCode: 'LOC' }).start('participantRole', { classCode: 'SDLOC' })
  templateId(w, ENTRY.serviceDeliveryLocation)
  coded(w, 'code', { codeSystem: '2.16.840.1.113883.6.259', originalText: `${id}-location` })
  address(w, location.address, 'WP')
  telecoms(
    w,
    contactTelecoms(location.phone, location.email, 'WP', location.address?.country),
    false,
  )
  w.start('playingEntity', { classCode: 'PLC' }).element('name', location.name).end()
  w.end().end()
  w.end().end()
}
