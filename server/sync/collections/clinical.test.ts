import { beforeAll, describe, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { seedCareSummaryCodes } from '../../testing/fixtures.ts'
import { TEST_ORIGIN } from '../../testing/http.ts'
import type { SyncCollection } from '../collection.ts'
import { clinicalCollections } from './clinical.ts'
import { useSyncedFamily } from './testing.ts'

/** Each collection's example, for Sofia, naming the family's provider and clinic. */
function sofiasRow(collection: SyncCollection): Record<string, unknown> {
  const example = collection.example as Record<string, unknown>
  return {
    ...example,
    patientExternalId: 'sofia',
    ...('providerExternalId' in example ? { providerExternalId: 'ana' } : {}),
    ...('clinicExternalId' in example ? { clinicExternalId: 'downtown' } : {}),
  }
}

/** The field each test changes, to a value only that row carries (found in the summary after). */
const CHANGED: Record<string, [string, string | number]> = {
  problems: ['description', 'Synced caries of tooth 14'],
  medications: ['description', 'Synced amoxicillin capsule'],
  allergies: ['allergen', 'Synced penicillin allergen'],
  immunizations: ['vaccine', 'Synced influenza vaccine'],
  'vital-signs': ['pulsePerMin', 71],
  results: ['testName', 'Synced hemoglobin test'],
  'social-history': ['description', 'Synced never smoker'],
  encounters: ['description', 'Synced periodic evaluation'],
  'clinical-procedures': ['description', 'Synced two-surface composite'],
}

describeEachDatabase('sync collections: the care summary’s clinical data', (kind) => {
  const family = useSyncedFamily(kind)
  beforeAll(async () => {
    await seedCareSummaryCodes(family.db, family.practiceId)
  })

  /** A new care summary of Sofia's, made in the portal as Maria, as XML. */
  async function sofiasSummary() {
    const base = `${family.seeded.patients.sofia}/summaries`
    const made = await family.portal(base, { method: 'POST', headers: { origin: TEST_ORIGIN } })
    expect(made.statusCode, made.body).toBe(201)
    return (await family.portal(`${base}/${made.json().id}/xml`)).body
  }

  it('covers every clinical table', () => {
    expect(clinicalCollections.map((collection) => collection.name)).toEqual(Object.keys(CHANGED))
  })

  describe.each(clinicalCollections.map((collection) => [collection.name, collection] as const))(
    '%s',
    (name, collection) => {
      it('creates, reads back, replays unchanged and updates', async () => {
        const row = sofiasRow(collection)
        expect(await family.put(collection, `${name}-1`, row)).toBe('created')
        expect(await family.read(collection, `${name}-1`)).toEqual(row)
        expect(await family.put(collection, `${name}-1`, row)).toBe('unchanged')
        const [field, value] = CHANGED[name] ?? []
        const changed = { ...row, [field as string]: value }
        expect(await family.put(collection, `${name}-1`, changed)).toBe('updated')
        expect(await family.read(collection, `${name}-1`)).toEqual(changed)
      })

      it('refuses an unknown patient with 422 naming the field', async () => {
        const row = { ...sofiasRow(collection), patientExternalId: 'nobody' }
        await expect(family.put(collection, `${name}-2`, row)).rejects.toMatchObject({
          status: 422,
          errors: { patientExternalId: expect.stringContaining('nobody') },
        })
        expect(await family.read(collection, `${name}-2`)).toBeNull()
      })
    },
  )

  it('puts every synced row in the next care summary', async () => {
    const xml = await sofiasSummary()
    for (const [, value] of Object.values(CHANGED)) {
      expect(xml).toContain(typeof value === 'number' ? `value="${value}"` : value)
    }
  })

  it('leaves deleted rows out of the next summary; a second delete changes nothing', async () => {
    for (const collection of clinicalCollections) {
      expect(await family.remove(collection, `${collection.name}-1`)).toBe(true)
      expect(await family.remove(collection, `${collection.name}-1`)).toBe(false)
    }
    const xml = await sofiasSummary()
    for (const [, value] of Object.values(CHANGED)) {
      if (typeof value === 'string') expect(xml).not.toContain(value)
    }
  })
})
