/**
 * The US Realm Header (C-CDA R2.1) with the CCD document template: who the document is about,
 * who wrote it, who keeps it and which care it summarizes.
 */

import type { BuildContext } from './context.ts'
import {
  address,
  assignedEntity,
  careSite,
  coded,
  contactTelecoms,
  documentAuthorId,
  organization,
  personName,
  providerSpecialty,
  type Telecom,
  telecoms,
  telUri,
  templateId,
} from './datatypes.ts'
import type { CodedValue, PatientDemographics } from './input.ts'
import { HEADER_TEMPLATES, OID } from './templates.ts'
import { hl7Date } from './time.ts'

export const DEFAULT_TITLE = 'Continuity of Care Document'

export function writeHeader(ctx: BuildContext, documentId: string): void {
  const { w, input } = ctx
  w.empty('realmCode', { code: 'US' })
  w.empty('typeId', { root: OID.hl7TypeId, extension: 'POCD_HD000040' })
  for (const template of HEADER_TEMPLATES) templateId(w, template)
  w.empty('id', { root: documentId })
  coded(w, 'code', {
    code: '34133-9',
    codeSystem: OID.loinc,
    displayName: 'Summarization of Episode Note',
  })
  w.element('title', input.document.title || DEFAULT_TITLE)
  w.empty('effectiveTime', { value: ctx.effectiveTime })
  w.empty('confidentialityCode', {
    code: 'N',
    codeSystem: OID.confidentiality,
    displayName: 'normal',
  })
  w.empty('languageCode', { code: 'en-US' })
  recordTarget(ctx)
  author(ctx)
  custodian(ctx)
  legalAuthenticator(ctx)
  documentationOf(ctx)
}

function patientTelecoms(patient: PatientDemographics): Telecom[] {
  const country = patient.address?.country
  const list: Telecom[] = []
  const phones: [string | null | undefined, string][] = [
    [patient.phoneHome, 'HP'],
    [patient.phoneMobile, 'MC'],
    [patient.phoneWork, 'WP'],
  ]
  for (const [phone, use] of phones) {
    const value = phone ? telUri(phone, country) : undefined
    if (value) list.push({ value, use })
  }
  if (patient.email) list.push({ value: `mailto:${patient.email.trim()}`, use: 'HP' })
  return list
}

/** Race and ethnicity: a CDC code, ASKU when the patient declined, UNK when never asked. */
function cdcCode(
  ctx: BuildContext,
  name: string,
  value: CodedValue | 'declined' | null | undefined,
) {
  if (value === 'declined') ctx.w.empty(name, { nullFlavor: 'ASKU' })
  else if (!value?.code) ctx.w.empty(name, { nullFlavor: 'UNK' })
  else {
    ctx.w.empty(name, {
      code: value.code,
      codeSystem: OID.cdcRace,
      codeSystemName: 'Race & Ethnicity - CDC',
      displayName: value.display || undefined,
    })
  }
}

const GENDER: Record<string, string> = { F: 'Female', M: 'Male' }

function recordTarget(ctx: BuildContext): void {
  const { w, input } = ctx
  const patient = input.patient
  w.start('recordTarget').start('patientRole')
  w.empty('id', { root: ctx.practiceRoot, extension: `patient-${patient.id}` })
  address(w, patient.address, 'HP')
  telecoms(w, patientTelecoms(patient), true)
  w.start('patient')
  personName(
    w,
    { first: patient.firstName, middle: patient.middleName, last: patient.lastName },
    'L',
  )
  if (patient.preferredName && patient.preferredName !== patient.firstName) {
    // The name the patient goes by ("call me").
    w.start('name').element('given', patient.preferredName, { qualifier: 'CL' })
    w.element('family', patient.lastName).end()
  }
  const sex = patient.birthSex
  if (sex === 'F' || sex === 'M') {
    w.empty('administrativeGenderCode', {
      code: sex,
      codeSystem: OID.administrativeGender,
      codeSystemName: 'AdministrativeGender',
      displayName: GENDER[sex],
    })
  } else {
    w.empty('administrativeGenderCode', { nullFlavor: 'UNK' })
  }
  if (patient.birthdate) w.empty('birthTime', { value: hl7Date(patient.birthdate) })
  else w.empty('birthTime', { nullFlavor: 'UNK' })
  // The PMS records neither marital status nor how well the patient speaks their language: R2.1
  // asks for both (CONF:1198-5303, 1198-9965), so they are said to be unknown rather than left out.
  w.empty('maritalStatusCode', { nullFlavor: 'UNK' })
  cdcCode(ctx, 'raceCode', patient.race)
  cdcCode(ctx, 'ethnicGroupCode', patient.ethnicity)
  w.start('languageCommunication')
  if (patient.language) w.empty('languageCode', { code: patient.language })
  else w.empty('languageCode', { nullFlavor: 'UNK' })
  w.empty('proficiencyLevelCode', { nullFlavor: 'UNK' })
  w.empty('preferenceInd', { value: 'true' })
  w.end()
  w.end()
  organization(ctx, 'providerOrganization', careSite(ctx))
  w.end().end()
}

/** The authoring provider, or Bitewing itself as the authoring device when none is named. */
function author(ctx: BuildContext): void {
  const { w, input } = ctx
  const site = careSite(ctx)
  w.start('author')
  w.empty('time', { value: ctx.effectiveTime })
  w.start('assignedAuthor')
  documentAuthorId(ctx)
  if (input.author) providerSpecialty(ctx, input.author)
  address(w, site.address, 'WP')
  telecoms(w, contactTelecoms(site.phone, site.email, 'WP', site.address?.country), true)
  if (input.author) {
    w.start('assignedPerson')
    personName(w, {
      first: input.author.firstName,
      last: input.author.lastName,
      suffix: input.author.suffix,
    })
    w.end()
  } else {
    w.start('assignedAuthoringDevice')
    w.element('manufacturerModelName', 'Bitewing')
    w.element('softwareName', 'Bitewing patient portal')
    w.end()
  }
  organization(ctx, 'representedOrganization', input.practice)
  w.end().end()
}

/** The practice keeps the record (CustodianOrganization allows one telecom). */
function custodian(ctx: BuildContext): void {
  const { w, input } = ctx
  const practice = input.practice
  w.start('custodian').start('assignedCustodian').start('representedCustodianOrganization')
  if (practice.npi) w.empty('id', { root: OID.npi, extension: practice.npi })
  else w.empty('id', { root: ctx.practiceRoot })
  w.element('name', practice.name)
  const telecom = contactTelecoms(
    practice.phone,
    practice.email,
    'WP',
    practice.address?.country,
  )[0]
  if (telecom) w.empty('telecom', { value: telecom.value, use: telecom.use })
  else w.empty('telecom', { nullFlavor: 'UNK' })
  address(w, practice.address, 'WP')
  w.end().end().end()
}

/**
 * The practice's signing provider: the provider who authors the summary (the visit's, else the
 * patient's primary dentist) attests it as the practice's record (signatureCode S, "signed").
 * A summary Bitewing authors as a device has no one to sign it, and says nothing.
 */
function legalAuthenticator(ctx: BuildContext): void {
  const { w, input } = ctx
  if (!input.author) return
  w.start('legalAuthenticator')
  w.empty('time', { value: ctx.effectiveTime })
  // CS: the schema allows the code alone (HL7 ParticipationSignature, S = signed).
  w.empty('signatureCode', { code: 'S' })
  assignedEntity(ctx, input.author)
  w.end()
}

/** When the summarized care began: the first visit or procedure, else the birthdate. */
function careStart(ctx: BuildContext): string | undefined {
  let first: string | undefined
  for (const procedure of ctx.input.procedures) {
    if (first === undefined || procedure.performedOn < first) first = procedure.performedOn
  }
  for (const encounter of ctx.input.encounters) {
    if (first === undefined || encounter.date < first) first = encounter.date
  }
  return first ?? ctx.input.patient.birthdate ?? undefined
}

/**
 * The care summarized: the range the patient asked for, else from the start of care to the
 * document's time. A range's open start falls back to the start of care.
 */
function documentationOf(ctx: BuildContext): void {
  const { w, input } = ctx
  const range = input.document.range
  const start = range?.from || careStart(ctx)
  w.start('documentationOf').start('serviceEvent', { classCode: 'PCPR' })
  w.start('effectiveTime')
  if (start) w.empty('low', { value: hl7Date(start) })
  else w.empty('low', { nullFlavor: 'UNK' })
  if (range?.to) w.empty('high', { value: hl7Date(range.to) })
  else w.empty('high', { value: ctx.effectiveTime })
  w.end()
  for (const provider of input.careTeam) {
    w.start('performer', { typeCode: 'PRF' })
    if (provider.isPrimary) {
      w.empty('functionCode', {
        code: 'PCP',
        codeSystem: OID.participationFunction,
        codeSystemName: 'ParticipationFunction',
        displayName: 'Primary Care Provider',
      })
    }
    assignedEntity(ctx, provider)
    w.end()
  }
  w.end().end()
}
