/**
 * FHIR code system and extension URLs (terminology.hl7.org's names for them). A code system
 * FHIR has no URL for is written as `urn:oid:` with its OID, as FHIR allows.
 */
import { OID } from '../../server/ccd/templates.ts'

export const FHIR = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  cvx: 'http://hl7.org/fhir/sid/cvx',
  cdt: 'http://ada.org/cdt',
  cpt: 'http://www.ama-assn.org/go/cpt',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  unii: 'http://fdasis.nlm.nih.gov',
  ucum: 'http://unitsofmeasure.org',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  cdcRace: 'urn:oid:2.16.840.1.113883.6.238',
  bcp47: 'urn:ietf:bcp:47',
  administrativeGender: 'http://terminology.hl7.org/CodeSystem/v3-AdministrativeGender',
  nullFlavor: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor',
  actReason: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  emptyReason: 'http://terminology.hl7.org/CodeSystem/list-empty-reason',
  usCoreRace: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
  usCoreEthnicity: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity',
  usCoreBirthSex: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex',
} as const

const BY_OID: Record<string, string> = {
  [OID.loinc]: FHIR.loinc,
  [OID.snomed]: FHIR.snomed,
  [OID.rxnorm]: FHIR.rxnorm,
  [OID.cvx]: FHIR.cvx,
  [OID.cdt]: FHIR.cdt,
  [OID.cpt]: FHIR.cpt,
  [OID.icd10cm]: FHIR.icd10cm,
  [OID.unii]: FHIR.unii,
}

/** The FHIR system URL for a code system OID. */
export function fhirSystem(oid: string): string {
  return BY_OID[oid] ?? `urn:oid:${oid}`
}
