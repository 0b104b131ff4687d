/**
 * A care summary's input as a FHIR R4 document Bundle: a Composition with the same ten sections
 * (LOINC codes from server/ccd/templates.ts) as our C-CDA, the resources its sections reference,
 * and the patient, practice, clinic and providers. Pure, like the C-CDA builder.
 *
 * It feeds @medplum/ccda in `npm run bench -- ccd`. The sections carry no `text`: the point is
 * to see what a FHIR-to-C-CDA converter writes by itself (our builder derives the narrative
 * from the data). Empty sections say why with `emptyReason`.
 */
import type { Bundle, CompositionSection, Reference, Resource } from '@medplum/fhirtypes'
import { documentId } from '../../server/ccd/build.ts'
import type { CareSummaryInput } from '../../server/ccd/input.ts'
import { SECTIONS, type SectionDefinition } from '../../server/ccd/templates.ts'
import {
  allergyResource,
  birthSexResource,
  encounterResource,
  immunizationResource,
  medicationResource,
  plannedProcedureResource,
  problemResource,
  procedureResource,
  resultResource,
  type Subject,
  smokingStatusResource,
  vitalSignsResources,
} from './clinical.ts'
import {
  AUTHORING_DEVICE,
  AUTHORING_DEVICE_REFERENCE,
  locationReference,
  locationResource,
  organizationReference,
  organizationResource,
  patientReference,
  patientResource,
  practitionerReference,
  practitionerResource,
} from './people.ts'
import { FHIR } from './systems.ts'

interface Section {
  definition: SectionDefinition
  /** The resources the section lists (its entries). */
  entries: Resource[]
  /** Resources the entries point at (vital sign members), in the bundle but not the section. */
  related?: Resource[]
}

function reference(resource: Resource): Reference {
  return { reference: `${resource.resourceType}/${resource.id}` }
}

function vitalSignsSection(input: CareSummaryInput, subject: Subject): Section {
  const entries: Resource[] = []
  const related: Resource[] = []
  for (const record of input.vitalSigns) {
    const [panel, ...members] = vitalSignsResources(record, subject)
    if (!panel) continue
    entries.push(panel)
    related.push(...members)
  }
  return { definition: SECTIONS.vitalSigns, entries, related }
}

function socialHistorySection(input: CareSummaryInput, subject: Subject): Section {
  const entries: Resource[] = input.smokingStatuses.map((s) => smokingStatusResource(s, subject))
  const sex = input.patient.birthSex
  if (sex) entries.push(birthSexResource(sex, input.document.effectiveAt, subject))
  return { definition: SECTIONS.socialHistory, entries }
}

function sections(input: CareSummaryInput, subject: Subject): Section[] {
  const each = <T>(list: T[], map: (item: T, subject: Subject) => Resource) =>
    list.map((item) => map(item, subject))
  return [
    { definition: SECTIONS.allergies, entries: each(input.allergies, allergyResource) },
    { definition: SECTIONS.medications, entries: each(input.medications, medicationResource) },
    { definition: SECTIONS.problems, entries: each(input.problems, problemResource) },
    { definition: SECTIONS.results, entries: each(input.results, resultResource) },
    vitalSignsSection(input, subject),
    {
      definition: SECTIONS.immunizations,
      entries: each(input.immunizations, immunizationResource),
    },
    { definition: SECTIONS.procedures, entries: each(input.procedures, procedureResource) },
    { definition: SECTIONS.encounters, entries: each(input.encounters, encounterResource) },
    socialHistorySection(input, subject),
    {
      definition: SECTIONS.planOfTreatment,
      entries: each(input.plannedProcedures, plannedProcedureResource),
    },
  ]
}

function compositionSection({ definition, entries }: Section): CompositionSection {
  return {
    title: definition.title,
    code: {
      coding: [{ system: FHIR.loinc, code: definition.loinc, display: definition.loincName }],
    },
    entry: entries.length > 0 ? entries.map(reference) : undefined,
    emptyReason:
      entries.length === 0
        ? { coding: [{ system: FHIR.emptyReason, code: 'unavailable' }] }
        : undefined,
  }
}

/** Where care is given, as our C-CDA's care site: the document's clinic, else the practice. */
function careSite(input: CareSummaryInput) {
  return input.clinic ?? input.practice
}

/** The practice, the encounters' locations, the providers and the authoring device. */
function participants(input: CareSummaryInput): Resource[] {
  const site = careSite(input)
  const locations = new Map([[site.id, site]])
  for (const encounter of input.encounters) {
    if (encounter.location) locations.set(encounter.location.id, encounter.location)
  }
  const providers = new Map(input.careTeam.map((provider) => [provider.id, provider]))
  if (input.author) providers.set(input.author.id, input.author)
  return [
    organizationResource(input.practice),
    ...[...locations.values()].map(locationResource),
    ...[...providers.values()].map(practitionerResource),
    ...(input.author ? [] : [AUTHORING_DEVICE]),
  ]
}

export function careSummaryBundle(input: CareSummaryInput): Bundle {
  const site = careSite(input)
  const subject = { patient: patientReference(input.patient), location: locationReference(site) }
  const listed = sections(input, subject)
  const effectiveAt = new Date(input.document.effectiveAt).toISOString()
  const composition: Resource = {
    resourceType: 'Composition',
    id: documentId(input),
    status: 'final',
    type: { coding: [{ system: FHIR.loinc, code: '34133-9' }] },
    subject: { reference: subject.patient },
    date: effectiveAt,
    author: [
      {
        reference: input.author ? practitionerReference(input.author) : AUTHORING_DEVICE_REFERENCE,
      },
    ],
    title: input.document.title || 'Continuity of Care Document',
    confidentiality: 'N',
    custodian: { reference: organizationReference(input.practice) },
    event: [
      {
        period: { end: effectiveAt },
        detail: input.careTeam.map((provider) => ({ reference: practitionerReference(provider) })),
      },
    ],
    section: listed.map(compositionSection),
  }
  const resources: Resource[] = [
    composition,
    patientResource(input.patient),
    ...participants(input),
    ...listed.flatMap((section) => [...section.entries, ...(section.related ?? [])]),
  ]
  return {
    resourceType: 'Bundle',
    type: 'document',
    timestamp: effectiveAt,
    entry: resources.map((resource) => ({
      fullUrl: `urn:bitewing:${resource.resourceType}/${resource.id}`,
      resource,
    })),
  }
}
