/**
 * The people and organizations of a care summary as FHIR R4 resources (US Core shapes where
 * they exist): the patient, the practice and clinic, the providers, and Bitewing as the
 * authoring device when no provider authors the summary.
 */
import type {
  ContactPoint,
  Device,
  Extension,
  Address as FhirAddress,
  Organization as FhirOrganization,
  HumanName,
  Identifier,
  Location,
  Patient,
  Practitioner,
} from '@medplum/fhirtypes'
import { telUri } from '../../server/ccd/datatypes.ts'
import type {
  Address,
  CodedValue,
  Organization,
  PatientDemographics,
  Provider,
} from '../../server/ccd/input.ts'
import { FHIR } from './systems.ts'

type Maybe<T> = T | null | undefined

export function patientReference(patient: PatientDemographics): string {
  return `Patient/${patient.id}`
}

export function practitionerReference(provider: Provider): string {
  return `Practitioner/${provider.id}`
}

export function organizationReference(organization: Organization): string {
  return `Organization/${organization.id}`
}

export function locationReference(organization: Organization): string {
  return `Location/${organization.id}`
}

export const AUTHORING_DEVICE_REFERENCE = 'Device/bitewing'

function address(value: Maybe<Address>, use: FhirAddress['use']): FhirAddress[] | undefined {
  if (!value) return undefined
  const line = [value.address1, value.address2].filter((part): part is string => Boolean(part))
  return [
    {
      use,
      line,
      city: value.city ?? undefined,
      state: value.region ?? undefined,
      postalCode: value.postalCode ?? undefined,
      country: value.country ?? undefined,
    },
  ]
}

function phone(value: Maybe<string>, use: ContactPoint['use'], country: Maybe<string>) {
  // The same normalization as the C-CDA, so both documents carry the same number.
  const uri = value ? telUri(value, country) : undefined
  return uri ? [{ system: 'phone' as const, value: uri.slice('tel:'.length), use }] : []
}

function email(value: Maybe<string>, use: ContactPoint['use']): ContactPoint[] {
  return value ? [{ system: 'email', value: value.trim(), use }] : []
}

function npi(value: Maybe<string>): Identifier[] | undefined {
  return value ? [{ system: FHIR.npi, value }] : undefined
}

/** US Core race or ethnicity: a CDC code, or the null flavor ASKU when the patient declined. */
function raceOrEthnicity(url: string, value: Maybe<CodedValue | 'declined'>): Extension[] {
  if (!value) return []
  const coding =
    value === 'declined'
      ? { system: FHIR.nullFlavor, code: 'ASKU', display: 'Asked but no answer' }
      : { system: FHIR.cdcRace, code: value.code, display: value.display ?? undefined }
  return [
    {
      url,
      extension: [
        { url: 'ombCategory', valueCoding: coding },
        { url: 'text', valueString: coding.display ?? coding.code },
      ],
    },
  ]
}

const GENDER = { F: 'female', M: 'male', U: 'unknown' } as const

function names(patient: PatientDemographics): HumanName[] {
  const given = [patient.firstName, patient.middleName].filter((part): part is string =>
    Boolean(part),
  )
  const list: HumanName[] = [{ use: 'official', family: patient.lastName, given }]
  if (patient.preferredName && patient.preferredName !== patient.firstName) {
    list.push({ use: 'usual', family: patient.lastName, given: [patient.preferredName] })
  }
  return list
}

export function patientResource(patient: PatientDemographics): Patient {
  const country = patient.address?.country
  return {
    resourceType: 'Patient',
    id: patient.id,
    extension: [
      ...raceOrEthnicity(FHIR.usCoreRace, patient.race),
      ...raceOrEthnicity(FHIR.usCoreEthnicity, patient.ethnicity),
      ...(patient.birthSex
        ? [
            {
              url: FHIR.usCoreBirthSex,
              valueCode: patient.birthSex === 'U' ? 'UNK' : patient.birthSex,
            },
          ]
        : []),
    ],
    name: names(patient),
    gender: patient.birthSex ? GENDER[patient.birthSex] : undefined,
    birthDate: patient.birthdate ?? undefined,
    address: address(patient.address, 'home'),
    telecom: [
      ...phone(patient.phoneHome, 'home', country),
      ...phone(patient.phoneMobile, 'mobile', country),
      ...phone(patient.phoneWork, 'work', country),
      ...email(patient.email, 'home'),
    ],
    communication: patient.language
      ? [
          {
            language: { coding: [{ system: FHIR.bcp47, code: patient.language }] },
            preferred: true,
          },
        ]
      : undefined,
  }
}

function contact(organization: Organization): ContactPoint[] {
  const country = organization.address?.country
  return [...phone(organization.phone, 'work', country), ...email(organization.email, 'work')]
}

export function organizationResource(organization: Organization): FhirOrganization {
  return {
    resourceType: 'Organization',
    id: organization.id,
    identifier: npi(organization.npi),
    name: organization.name,
    telecom: contact(organization),
    address: address(organization.address, 'work'),
  }
}

/** Where encounters happen: the clinic (or the practice) as a Location. */
export function locationResource(organization: Organization): Location {
  return {
    resourceType: 'Location',
    id: organization.id,
    name: organization.name,
    telecom: contact(organization),
    address: address(organization.address, 'work')?.[0],
  }
}

export function practitionerResource(provider: Provider): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: provider.id,
    identifier: npi(provider.npi),
    name: [
      {
        family: provider.lastName,
        given: [provider.firstName],
        suffix: provider.suffix ? [provider.suffix] : undefined,
      },
    ],
  }
}

export const AUTHORING_DEVICE: Device = {
  resourceType: 'Device',
  id: 'bitewing',
  deviceName: [{ name: 'Bitewing patient portal', type: 'model-name' }],
}
