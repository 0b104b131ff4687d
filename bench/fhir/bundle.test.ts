import type { Composition, Resource } from '@medplum/fhirtypes'
import { describe, expect, it } from 'vitest'
import { SECTIONS } from '../../server/ccd/templates.ts'
import { buildCareSummaryInput, emptyCareSummaryInput } from '../../server/ccd/testing.ts'
import { careSummaryBundle } from './bundle.ts'

function resources(input: Parameters<typeof careSummaryBundle>[0]): Resource[] {
  return (careSummaryBundle(input).entry ?? []).map((entry) => entry.resource as Resource)
}

/** Every `reference` anywhere in a resource. */
function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn)
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'reference' && typeof inner === 'string' ? [inner] : referencesIn(inner),
  )
}

describe('careSummaryBundle', () => {
  it('is a document bundle whose Composition has our sections, in our order', () => {
    const bundle = careSummaryBundle(buildCareSummaryInput())
    expect(bundle.type).toBe('document')
    const composition = bundle.entry?.[0]?.resource as Composition
    expect(composition.resourceType).toBe('Composition')
    expect(composition.section?.map((s) => s.code?.coding?.[0]?.code)).toEqual(
      Object.values(SECTIONS).map((s) => s.loinc),
    )
  })

  it('resolves every reference inside the bundle, with unique resources', () => {
    for (const input of [buildCareSummaryInput(), emptyCareSummaryInput()]) {
      const list = resources(input)
      const keys = list.map((r) => `${r.resourceType}/${r.id}`)
      expect(new Set(keys).size).toBe(keys.length)
      for (const reference of list.flatMap(referencesIn)) expect(keys).toContain(reference)
    }
  })

  it('lists one entry per row of each clinical list', () => {
    const input = buildCareSummaryInput({ entries: 7, seed: 4 })
    const composition = resources(input)[0] as Composition
    const count = (title: string) =>
      composition.section?.find((s) => s.title === title)?.entry?.length ?? 0
    expect(count(SECTIONS.allergies.title)).toBe(input.allergies.length)
    expect(count(SECTIONS.medications.title)).toBe(input.medications.length)
    expect(count(SECTIONS.procedures.title)).toBe(input.procedures.length)
    expect(count(SECTIONS.planOfTreatment.title)).toBe(input.plannedProcedures.length)
  })

  it('says why a section is empty', () => {
    const composition = resources(emptyCareSummaryInput())[0] as Composition
    for (const section of composition.section ?? []) {
      expect(section.entry).toBeUndefined()
      expect(section.emptyReason?.coding?.[0]?.code).toBe('unavailable')
    }
  })
})
