/**
 * Writers for the HL7 v3 data types every part of the document uses (II, CD, AD, TEL, PN) and
 * for the participants (people and organizations) that recur in header and entries.
 */

import type { BuildContext } from './context.ts'
import type { Address, Organization, Provider } from './input.ts'
import { providerTaxonomy } from './taxonomy.ts'
import { fdiTooth, procedureArea, toothSurfaces } from './teeth.ts'
import { CODE_SYSTEM_NAME, ENTRY, OID, type TemplateId } from './templates.ts'
import { hl7Date } from './time.ts'
import { emptyTag, type XmlWriter } from './xml.ts'

// Rendered and encoded once: copying ready bytes is the cheapest write there is.
const renderedTemplates = new WeakMap<TemplateId, Uint8Array>()

/**
 * A template's id. A dated (R2.1) template that had an R1.1 version is followed by the same root
 * without extension: C-CDA R2.1 requires both (CONF:1198-32934 through 32946) so receivers
 * that only know R1.1 still recognize the entry.
 */
export function templateId(w: XmlWriter, template: TemplateId): void {
  let markup = renderedTemplates.get(template)
  if (markup === undefined) {
    let tag = emptyTag('templateId', { root: template.root, extension: template.extension })
    if (template.extension && !template.newInR21)
      tag += emptyTag('templateId', { root: template.root })
    markup = Buffer.from(tag, 'utf8')
    renderedTemplates.set(template, markup)
  }
  w.raw(markup)
}

export interface Coded {
  code?: string | null
  codeSystem: string
  displayName?: string | null
  /** ID in the section narrative holding the human text of this code. */
  originalText?: string
  /** Write as `<value xsi:type="CD">` and friends. */
  xsiType?: string
  translations?: { code: string; codeSystem: string; displayName?: string | null }[]
}

/**
 * A CD. Without a code it still says which text it stands for: nullFlavor OTH (no code in the
 * value set for this) with the narrative reference as originalText.
 */
export function coded(w: XmlWriter, name: string, value: Coded): void {
  const hasCode = Boolean(value.code)
  const attributes = hasCode
    ? {
        'xsi:type': value.xsiType,
        code: value.code,
        codeSystem: value.codeSystem,
        codeSystemName: CODE_SYSTEM_NAME[value.codeSystem],
        displayName: value.displayName || undefined,
      }
    : { 'xsi:type': value.xsiType, nullFlavor: 'OTH' }
  if (value.originalText === undefined && !value.translations?.length) {
    w.empty(name, attributes)
    return
  }
  w.start(name, attributes)
  if (value.originalText !== undefined) {
    w.start('originalText')
      .empty('reference', { value: `#${value.originalText}` })
      .end()
  }
  for (const translation of value.translations ?? []) {
    w.empty('translation', {
      code: translation.code,
      codeSystem: translation.codeSystem,
      codeSystemName: CODE_SYSTEM_NAME[translation.codeSystem],
      displayName: translation.displayName || undefined,
    })
  }
  w.end()
}

/**
 * A procedure's tooth as its targetSiteCode, then one targetSiteCode per surface (SNOMED CT body
 * structures, teeth.ts); each points at its narrative cell, which says it as the practice does.
 */
export function toothSite(
  w: XmlWriter,
  tooth: string,
  surface: string | null | undefined,
  narrativeId: string,
): void {
  const code = fdiTooth(tooth)
  coded(w, 'targetSiteCode', {
    code,
    codeSystem: OID.iso3950,
    displayName: code ? `Tooth ${code}` : undefined,
    originalText: `${narrativeId}-site`,
  })
  for (const found of toothSurfaces(surface)) {
    coded(w, 'targetSiteCode', {
      code: found.code,
      codeSystem: OID.snomed,
      displayName: found.displayName,
      originalText: `${narrativeId}-surface`,
    })
  }
}

interface SitedProcedure {
  code: string
  codeSystem?: string | null
  tooth?: string | null
  surface?: string | null
}

/**
 * A procedure's target sites: its tooth and surfaces (toothSite), else the area of the mouth it
 * was done on (teeth.ts procedureArea), pointing at the narrative's "Tooth or area" cell.
 */
export function procedureSite(w: XmlWriter, procedure: SitedProcedure, narrativeId: string): void {
  if (procedure.tooth) {
    toothSite(w, procedure.tooth, procedure.surface, narrativeId)
    return
  }
  const area = procedureArea(procedure)
  if (!area) return
  const { code, codeSystem, displayName } = area
  coded(w, 'targetSiteCode', { code, codeSystem, displayName, originalText: `${narrativeId}-site` })
}

/** The narrative's "Tooth or area" cell: the tooth as the practice numbers it, else the area. */
export function siteText(procedure: SitedProcedure): string | undefined {
  if (procedure.tooth) return procedure.tooth
  const area = procedureArea(procedure)
  return area?.text ?? area?.displayName
}

/** `<text><reference value="#id"/></text>`: links an entry to its narrative. */
export function textReference(w: XmlWriter, id: string): void {
  w.start('text')
    .empty('reference', { value: `#${id}` })
    .end()
}

/**
 * `effectiveTime` as an interval of days: from the start, else an unknown start; to the end, else
 * an unknown end once it has `ended`, else none (it goes on).
 */
export function dateInterval(
  w: XmlWriter,
  start: string | null | undefined,
  end: string | null | undefined,
  ended: boolean,
  xsiType?: 'IVL_TS',
): void {
  w.start('effectiveTime', xsiType === undefined ? undefined : { 'xsi:type': xsiType })
  if (start) w.empty('low', { value: hl7Date(start) })
  else w.empty('low', { nullFlavor: 'UNK' })
  if (end) w.empty('high', { value: hl7Date(end) })
  else if (ended) w.empty('high', { nullFlavor: 'UNK' })
  w.end()
}

export function address(w: XmlWriter, value: Address | null | undefined, use?: string): void {
  const lines = [value?.address1, value?.address2].filter((line): line is string => Boolean(line))
  if (!value || (lines.length === 0 && !value.city && !value.postalCode)) {
    w.empty('addr', { nullFlavor: 'UNK' })
    return
  }
  w.start('addr', { use })
  for (const line of lines) w.element('streetAddressLine', line)
  if (value.city) w.element('city', value.city)
  if (value.region) w.element('state', value.region)
  if (value.postalCode) w.element('postalCode', value.postalCode)
  w.element('country', value.country || 'US')
  w.end()
}

/** A phone number as a tel: URI: digits only, +1 added to ten-digit North American numbers. */
export function telUri(phone: string, country?: string | null): string | undefined {
  const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '')
  if (!/\d/.test(digits)) return undefined
  if (digits.startsWith('+')) return `tel:${digits}`
  const northAmerican = !country || country === 'US' || country === 'CA'
  if (northAmerican && digits.length === 10) return `tel:+1${digits}`
  return `tel:${digits}`
}

export interface Telecom {
  value: string
  use?: string
}

export function telecoms(w: XmlWriter, list: Telecom[], required: boolean): void {
  if (list.length === 0 && required) w.empty('telecom', { nullFlavor: 'UNK' })
  for (const telecom of list) w.empty('telecom', { value: telecom.value, use: telecom.use })
}

export function contactTelecoms(
  phone: string | null | undefined,
  email: string | null | undefined,
  use: string,
  country?: string | null,
): Telecom[] {
  const list: Telecom[] = []
  const tel = phone ? telUri(phone, country) : undefined
  if (tel) list.push({ value: tel, use })
  if (email) list.push({ value: `mailto:${email.trim()}`, use })
  return list
}

export function personName(
  w: XmlWriter,
  name: { first: string; middle?: string | null; last: string; suffix?: string | null },
  use?: string,
): void {
  w.start('name', { use })
  w.element('given', name.first)
  if (name.middle) w.element('given', name.middle)
  w.element('family', name.last)
  if (name.suffix) w.element('suffix', name.suffix)
  w.end()
}

/** A provider's id: the NPI when known, else the practice's own number for them. */
export function providerId(ctx: BuildContext, provider: Provider): void {
  if (provider.npi) ctx.w.empty('id', { root: OID.npi, extension: provider.npi })
  else ctx.w.empty('id', { root: ctx.practiceRoot, extension: `provider-${provider.id}` })
}

/** The document author's id (provider, else Bitewing as a device); entry authors point to it. */
export function documentAuthorId(ctx: BuildContext): void {
  if (ctx.input.author) providerId(ctx, ctx.input.author)
  else ctx.w.empty('id', { root: ctx.practiceRoot, extension: 'bitewing' })
}

/**
 * An entry's Author Participation (4.119), which R2.1 asks of nearly every entry: the summary's
 * author (the provider who signs it, else Bitewing as a device), who states the fact, with the
 * date the practice's record gives it (when it was seen, measured, given, planned) or, without
 * one, the summary's own time. The id points at the header's author, who is named there once.
 */
export function entryAuthor(ctx: BuildContext, time?: string | null): void {
  const { w } = ctx
  w.start('author')
  templateId(w, ENTRY.authorParticipation)
  w.empty('time', { value: time || ctx.effectiveTime })
  ctx.reuse('entry-author', () => {
    ctx.w.start('assignedAuthor')
    documentAuthorId(ctx)
    if (ctx.input.author) providerSpecialty(ctx, ctx.input.author)
    ctx.w.end()
  })
  w.end()
}

/** The provider's specialty as a NUCC taxonomy `code` (after the id, as CDA orders them). */
export function providerSpecialty(ctx: BuildContext, provider: Provider): void {
  const taxonomy = providerTaxonomy(provider.specialty, provider.isHygienist)
  if (!taxonomy) return
  ctx.w.empty('code', {
    code: taxonomy.code,
    codeSystem: OID.nucc,
    codeSystemName: CODE_SYSTEM_NAME[OID.nucc],
    displayName: taxonomy.displayName,
  })
}

export function organizationId(ctx: BuildContext, organization: Organization): void {
  if (organization.npi) ctx.w.empty('id', { root: OID.npi, extension: organization.npi })
  else ctx.w.empty('id', { root: ctx.practiceRoot, extension: `organization-${organization.id}` })
}

/** The organization the care is given at: the document's clinic, else the practice. */
export function careSite(ctx: BuildContext): Organization {
  return ctx.input.clinic ?? ctx.input.practice
}

/** An organization as `representedOrganization` / `providerOrganization` (id, name, telecom, addr). */
export function organization(ctx: BuildContext, name: string, value: Organization): void {
  const { w } = ctx
  w.start(name)
  organizationId(ctx, value)
  w.element('name', value.name)
  telecoms(w, contactTelecoms(value.phone, value.email, 'WP', value.address?.country), true)
  address(w, value.address, 'WP')
  w.end()
}

/**
 * `assignedEntity` for a provider: id, address and telecom of where they practise (C-CDA asks
 * for both), their name, and the organization they represent.
 */
export function assignedEntity(ctx: BuildContext, provider: Provider) {
  const { w } = ctx
  const site = careSite(ctx)
  w.start('assignedEntity')
  providerId(ctx, provider)
  providerSpecialty(ctx, provider)
  address(w, site.address, 'WP')
  telecoms(w, contactTelecoms(site.phone, site.email, 'WP', site.address?.country), true)
  w.start('assignedPerson')
  personName(w, { first: provider.firstName, last: provider.lastName, suffix: provider.suffix })
  w.end()
  organization(ctx, 'representedOrganization', site)
  w.end()
}

/** The provider a row names (procedures, encounters), when the document knows them. */
export function providerOf(ctx: BuildContext, id: string | null | undefined): Provider | undefined {
  return id ? ctx.providers.get(id) : undefined
}

/**
 * An entry's `performer` (procedures, encounters), written once per provider and repeated
 * (ctx.reuse). Each names the organization the provider represents, so a receiver reading one
 * entry alone knows where the care was given.
 */
export function performer(ctx: BuildContext, provider: Provider): void {
  ctx.reuse(`performer-${provider.id}`, () => {
    ctx.w.start('performer')
    assignedEntity(ctx, provider)
    ctx.w.end()
  })
}

/** Full name for narrative text. */
export function providerName(provider: Provider): string {
  return [provider.firstName, provider.lastName, provider.suffix].filter(Boolean).join(' ')
}
