import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCcd } from '../../ccd/build.ts'
import { type DateRange, summaryForRange } from '../../ccd/range.ts'
import { type SchematronResult, validateSchematron } from '../../ccd/schematron.ts'
import { buildCareSummaryInput, variedCareSummaryInputs } from '../../ccd/testing.ts'
import { createTestDatabase, type TestDatabase } from '../../platform/db/testing.ts'
import { LocalFileStorage } from '../../platform/files/storage.ts'
import { buildSummaryInput } from './build-input.ts'
import { demoPracticeWithGarcias } from './demo-garcias.ts'
import { loadSummaryRows } from './queries.ts'

/** The failed asserts, one line each, so a failure shows what HL7's rules say. */
function errorsOf(result: SchematronResult): string[] {
  return result.errors.map((error) => `${error.id} at ${error.location}: ${error.text}`)
}

// SaxonJS runs the 2,500 rules in a few seconds a document on a busy machine.
const SLOW = 600_000

let sampleResult: SchematronResult | undefined

/** HL7's own R2.1 sample CCD through the same rules: the bar for warnings (SHOULDs unmet). */
function hl7Sample(): SchematronResult {
  sampleResult ??= validateSchematron(
    fs.readFileSync(
      path.join(import.meta.dirname, '../../ccd/schematron/hl7-C-CDA_R2-1_CCD.xml'),
      'utf8',
    ),
  )
  return sampleResult
}

describe("HL7's C-CDA R2.1 Schematron", () => {
  it(
    'finds the one error HL7 left in its own R2.1 sample CCD',
    () => {
      const result = hl7Sample()
      expect(result.errors.map((error) => error.id)).toEqual(['a-1098-28042'])
      expect(result.warnings.length).toBeGreaterThan(0)
    },
    SLOW,
  )

  it(
    'reports a broken rule as an error with its id and place',
    () => {
      const xml = buildCcd(buildCareSummaryInput({ entries: 1 })).replace(
        '<doseQuantity nullFlavor="UNK"/>',
        '',
      )
      const result = validateSchematron(xml)
      expect(result.errors).toEqual([
        expect.objectContaining({
          id: 'a-1098-7516',
          location: expect.stringContaining('substanceAdministration'),
          text: expect.stringContaining('doseQuantity'),
        }),
      ])
    },
    SLOW,
  )

  // Every section filled (typical), none (no data at all), birth sex missing or unknown, and
  // seeds with 0 to 9 entries a list; the name variations change no structure.
  const STRUCTURAL = ['typical', 'no data at all', 'missing birth sex', 'unknown birth sex']
  const generated = variedCareSummaryInputs().filter(
    ({ name }) => STRUCTURAL.includes(name) || /^seed [2-5]$/.test(name),
  )

  it(
    'passes every generated patient: each section, some entries, nothing at all',
    () => {
      expect(generated).toHaveLength(8)
      const failures = generated.flatMap(({ name, input }) =>
        errorsOf(validateSchematron(buildCcd(input))).map((error) => `${name}: ${error}`),
      )
      expect(failures).toEqual([])
    },
    SLOW,
  )
})

// The documents do not depend on the database engine: the embedded one is enough here.
describe("HL7's C-CDA R2.1 Schematron on the demo practice", () => {
  let database: TestDatabase
  let storage: string
  let practiceId: number
  let garcias: Awaited<ReturnType<typeof demoPracticeWithGarcias>>['garcias']

  beforeAll(async () => {
    database = await createTestDatabase('pglite')
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'bitewing-schematron-'))
    const demo = await demoPracticeWithGarcias(database.db, new LocalFileStorage(storage))
    practiceId = demo.practiceId
    garcias = demo.garcias
  }, SLOW)

  afterAll(async () => {
    await database?.destroy()
    if (storage) fs.rmSync(storage, { recursive: true, force: true })
  })

  async function summaryOf(patientId: number, appointmentId?: number, range?: DateRange) {
    const rows = await loadSummaryRows(database.db, practiceId, patientId)
    if (!rows) throw new Error(`no patient ${patientId}`)
    const appointment = appointmentId
      ? await database.db
          .selectFrom('appointments')
          .select(['provider_id', 'clinic_id'])
          .where('id', '=', appointmentId)
          .executeTakeFirstOrThrow()
      : undefined
    const input = buildSummaryInput(rows, {
      effectiveAt: new Date('2025-03-14T16:00:00Z'),
      appointment,
    })
    return buildCcd(range ? summaryForRange(input, range) : input)
  }

  it('names the practice by the organization NPI it has in the database', async () => {
    const npi = '1234567893'
    await database.db.updateTable('practices').set({ npi }).where('id', '=', practiceId).execute()
    const [first] = await garcias()
    const xml = await summaryOf(first?.id ?? 0)
    const custodian = xml.slice(xml.indexOf('<custodian>'), xml.indexOf('</custodian>'))
    expect(custodian).toContain(`<id root="2.16.840.1.113883.4.6" extension="${npi}"/>`)
    const author = xml.slice(xml.indexOf('<author>'), xml.indexOf('</author>'))
    expect(author).toMatch(
      new RegExp(`<representedOrganization><id root="2.16.840.1.113883.4.6" extension="${npi}"/>`),
    )
  })

  it(
    "passes every Garcia's care summary, with no more warnings than HL7's own sample",
    async () => {
      const family = await garcias()
      expect(family.length).toBeGreaterThanOrEqual(4)
      const failures: string[] = []
      const warnings: Record<string, number> = {}
      for (const patient of family) {
        const result = validateSchematron(await summaryOf(patient.id))
        failures.push(...errorsOf(result).map((error) => `${patient.first_name}: ${error}`))
        warnings[patient.first_name] = result.warnings.length
      }
      expect(failures).toEqual([])
      // The sample fills every section with every optional detail a full EHR has; a dental
      // record has less to say, and must still not leave more of HL7's SHOULDs unmet.
      const bar = hl7Sample().warnings.length
      expect(bar).toBeGreaterThan(0)
      for (const [name, count] of Object.entries(warnings))
        expect(count, `${name}'s warnings (the sample has ${bar})`).toBeLessThanOrEqual(bar)
    },
    SLOW,
  )

  it(
    'passes a visit summary',
    async () => {
      const visit = await database.db
        .selectFrom('appointments')
        .innerJoin('patients', 'patients.id', 'appointments.patient_id')
        .select(['appointments.id', 'appointments.patient_id'])
        .where('patients.practice_id', '=', practiceId)
        .where('patients.last_name', '=', 'Garcia')
        .where('appointments.status', '=', 'Complete')
        .orderBy('appointments.id')
        .executeTakeFirstOrThrow()
      const result = validateSchematron(await summaryOf(visit.patient_id, visit.id))
      expect(errorsOf(result)).toEqual([])
    },
    SLOW,
  )

  it(
    'passes a date-range summary, open at either end and closed',
    async () => {
      const [first] = await garcias()
      if (!first) throw new Error('no Garcia')
      const failures: string[] = []
      const ranges: DateRange[] = [
        { from: '2024-01-01', to: '2024-12-31' },
        { from: '2024-07-01' },
        { to: '2023-12-31' },
      ]
      for (const range of ranges) {
        const xml = await summaryOf(first.id, undefined, range)
        expect(xml).toContain('<serviceEvent')
        const label = `${range.from ?? '…'}–${range.to ?? '…'}`
        failures.push(...errorsOf(validateSchematron(xml)).map((error) => `${label}: ${error}`))
      }
      expect(failures).toEqual([])
    },
    SLOW,
  )
})
