/**
 * A small deterministic generator of care-summary inputs for tests and the benchmark: the same
 * seed gives the same patient. The codes are a handful of well-known ones used as facts (the
 * project ships no SNOMED CT or CDT tables); descriptions are our own words.
 */

import type { CareSummaryInput, Provider } from './input.ts'

export interface PatientOptions {
  seed?: number
  /** Entries per clinical list (allergies, medications, …); 0 gives a patient with no data. */
  entries?: number
  firstName?: string
  middleName?: string | null
  lastName?: string
  birthSex?: 'F' | 'M' | 'U' | null
  timeZone?: string
}

/** Deterministic numbers in [0, 1) (mulberry32): the same seed, the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ALLERGENS = [
  {
    allergen: 'Penicillin G',
    code: '7980',
    system: 'RxNorm',
    reaction: 'Hives',
    reactionCode: '247472004',
  },
  {
    allergen: 'Latex',
    code: '111088007',
    system: 'SNOMED CT',
    reaction: 'Rash',
    reactionCode: '271807003',
  },
  {
    allergen: 'Codeine',
    code: '2670',
    system: 'RxNorm',
    reaction: 'Nausea',
    reactionCode: '422587007',
  },
  { allergen: 'Ibuprofen', code: '5640', system: 'RxNorm', reaction: null, reactionCode: null },
]
const SEVERITIES = ['mild', 'moderate', 'severe', 'a bit', null]
const MEDICATIONS = [
  { description: 'Amoxicillin 500 mg capsule', code: '308191' },
  { description: 'Chlorhexidine 0.12% oral rinse', code: null },
  { description: 'Lisinopril 10 mg tablet', code: '314076' },
]
const PROBLEMS = [
  { description: 'Essential hypertension', snomed: '59621000', icd10: 'I10' },
  { description: 'Type 2 diabetes mellitus', snomed: '44054006', icd10: 'E11.9' },
  { description: 'Dry mouth & <sensitivity>', snomed: null, icd10: null },
]
const RESULTS = [
  { loinc: '4548-4', name: 'Hemoglobin A1c', value: '6.1', unit: '%', range: '4.0–5.6', flag: 'H' },
  { loinc: '2345-7', name: 'Glucose', value: '98', unit: 'mg/dL', range: '70-99', flag: 'N' },
  { loinc: '5778-6', name: 'Color of urine', value: 'Yellow', unit: null, range: null, flag: null },
]
const VACCINES = [
  { cvx: '140', vaccine: 'Influenza, seasonal, injectable, preservative free' },
  { cvx: '115', vaccine: 'Tdap' },
  { cvx: '08', vaccine: 'Hep B, adolescent or pediatric' },
]
const PROCEDURES = [
  { code: 'D0120', description: 'Periodic exam' },
  { code: 'D1110', description: 'Adult cleaning' },
  { code: 'D2391', description: 'Resin filling, one surface, back tooth' },
  { code: 'D0274', description: 'Bitewing X-rays, four images' },
]
const SMOKING = [
  { code: '266919005', description: 'Never smoker' },
  { code: '8517006', description: 'Ex-smoker' },
]

function pick<T>(list: readonly T[], next: () => number): T {
  return list[Math.floor(next() * list.length)] as T
}

function isoDate(next: () => number, fromYear: number, toYear: number): string {
  const year = fromYear + Math.floor(next() * (toYear - fromYear + 1))
  const month = 1 + Math.floor(next() * 12)
  const day = 1 + Math.floor(next() * 28)
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function buildCareSummaryInput(options: PatientOptions = {}): CareSummaryInput {
  const next = seededRandom(options.seed ?? 1)
  const count = options.entries ?? 5
  const times = <T>(make: (index: number) => T): T[] =>
    Array.from({ length: count }, (_, i) => make(i))
  const dentist: Provider = {
    id: 'prov-1',
    firstName: 'Ana',
    lastName: 'Molar',
    suffix: 'DDS',
    npi: '1234567893',
    isPrimary: true,
  }
  const hygienist: Provider = {
    id: 'prov-2',
    firstName: 'Ben',
    lastName: 'Floss',
    isHygienist: true,
  }
  const practice = {
    id: 'practice-1',
    name: 'Bright Smiles Dental',
    phone: '(555) 010-2000',
    email: 'office@example.test',
    address: {
      address1: '1 Main St',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
    },
  }
  return {
    document: {
      effectiveAt: '2025-03-14T15:09:26Z',
      timeZone: options.timeZone ?? 'America/Chicago',
    },
    patient: {
      id: `patient-${options.seed ?? 1}`,
      firstName: options.firstName ?? 'Jordan',
      middleName: options.middleName === undefined ? 'Lee' : options.middleName,
      lastName: options.lastName ?? 'Rivera',
      preferredName: 'Jo',
      birthdate: isoDate(next, 1950, 2015),
      birthSex: options.birthSex === undefined ? 'F' : options.birthSex,
      address: {
        address1: '22 Oak Ave',
        address2: 'Apt 3',
        city: 'Springfield',
        region: 'IL',
        postalCode: '62704',
      },
      phoneHome: '555-010-3000',
      phoneMobile: '+1 555 010 3001',
      email: 'patient@example.test',
      race: { code: '2106-3', display: 'White' },
      ethnicity: 'declined',
      language: 'en',
    },
    practice,
    clinic: { ...practice, id: 'clinic-1', name: 'Bright Smiles Dental — Downtown' },
    author: dentist,
    careTeam: [dentist, hygienist],
    allergies: times((i) => {
      const allergen = pick(ALLERGENS, next)
      return {
        id: `allergy-${i}`,
        allergen: allergen.allergen,
        allergenCode: allergen.code,
        allergenCodeSystem: allergen.system,
        reaction: allergen.reaction,
        reactionSnomedCode: allergen.reactionCode,
        severity: pick(SEVERITIES, next),
        onsetDate: next() < 0.7 ? isoDate(next, 1990, 2024) : null,
        status: next() < 0.8 ? 'Active' : 'Inactive',
      }
    }) as CareSummaryInput['allergies'],
    medications: times((i) => {
      const medication = pick(MEDICATIONS, next)
      const active = next() < 0.6
      return {
        id: `medication-${i}`,
        description: medication.description,
        rxnormCode: medication.code,
        instructions: 'Take 1 by mouth every 8 hours',
        startDate: isoDate(next, 2015, 2020),
        stopDate: active ? null : isoDate(next, 2021, 2024),
        status: active ? 'Active' : 'Completed',
      }
    }) as CareSummaryInput['medications'],
    problems: times((i) => {
      const problem = pick(PROBLEMS, next)
      const resolved = next() < 0.3
      return {
        id: `problem-${i}`,
        description: problem.description,
        snomedCode: problem.snomed,
        icd10Code: problem.icd10,
        onsetDate: isoDate(next, 2000, 2015),
        resolvedDate: resolved ? isoDate(next, 2016, 2024) : null,
        status: resolved ? 'Resolved' : 'Active',
      }
    }) as CareSummaryInput['problems'],
    results: times((i) => {
      const result = pick(RESULTS, next)
      return {
        id: `result-${i}`,
        loincCode: result.loinc,
        testName: result.name,
        value: result.value,
        unit: result.unit,
        referenceRange: result.range,
        interpretation: result.flag,
        observedAt: new Date(Date.UTC(2024, Math.floor(next() * 12), 1 + (i % 28), 14, 30)),
      }
    }) as CareSummaryInput['results'],
    vitalSigns: times((i) => ({
      id: `vitals-${i}`,
      measuredAt: new Date(Date.UTC(2024, 6, 1 + (i % 28), 13, 5)),
      heightCm: 150 + Math.round(next() * 400) / 10,
      weightKg: next() < 0.8 ? 50 + Math.round(next() * 500) / 10 : null,
      systolicMmHg: 110 + Math.floor(next() * 40),
      diastolicMmHg: 70 + Math.floor(next() * 20),
      pulsePerMin: next() < 0.5 ? 60 + Math.floor(next() * 40) : null,
      temperatureC: i % 3 === 0 ? 36.6 : null,
      oxygenSaturationPct: i % 4 === 0 ? 98 : null,
    })),
    immunizations: times((i) => {
      const vaccine = pick(VACCINES, next)
      const refused = i % 5 === 4
      return {
        id: `immunization-${i}`,
        cvxCode: vaccine.cvx,
        vaccine: vaccine.vaccine,
        administeredOn: isoDate(next, 2010, 2024),
        status: refused ? 'Refused' : 'Completed',
        lotNumber: refused ? null : `LOT${1000 + i}`,
        manufacturer: refused ? null : 'Vaccines & Co.',
        refusalReason: refused ? 'Patient objection' : null,
      }
    }) as CareSummaryInput['immunizations'],
    procedures: times((i) => {
      const procedure = pick(PROCEDURES, next)
      return {
        id: `procedure-${i}`,
        code: procedure.code,
        description: procedure.description,
        tooth: procedure.code === 'D2391' ? String(1 + Math.floor(next() * 32)) : null,
        surface: procedure.code === 'D2391' ? 'O' : null,
        performedOn: isoDate(next, 2018, 2025),
        status: 'Complete',
        providerId: i % 2 === 0 ? 'prov-1' : 'prov-2',
      }
    }) as CareSummaryInput['procedures'],
    encounters: times((i) => ({
      id: `encounter-${i}`,
      date: isoDate(next, 2018, 2025),
      description: i % 2 === 0 ? 'Recall visit' : 'Emergency visit',
      code: i % 3 === 0 ? '99213' : null,
      codeSystem: i % 3 === 0 ? 'CPT' : null,
      providerId: 'prov-1',
    })),
    smokingStatuses:
      count === 0
        ? []
        : [
            {
              id: 'smoking-1',
              snomedCode: pick(SMOKING, next).code,
              description: 'Never smoker',
              recordedOn: '2024-01-10',
            },
          ],
    plannedProcedures: times((i) => {
      const procedure = pick(PROCEDURES, next)
      return {
        id: `plan-row-${i}`,
        planHeading: 'Restorative plan',
        planDate: '2025-02-01',
        priority: String(1 + (i % 3)),
        tooth: String(1 + (i % 32)),
        surface: i % 2 ? 'MO' : null,
        code: procedure.code,
        description: procedure.description,
      }
    }),
  }
}

/** A patient with nothing recorded beyond a name: every section must say "no information". */
export function emptyCareSummaryInput(): CareSummaryInput {
  const input = buildCareSummaryInput({ entries: 0, birthSex: null, middleName: null })
  return {
    ...input,
    patient: {
      id: 'patient-empty',
      firstName: 'Sam',
      lastName: 'Nobody',
    },
    practice: { id: 'practice-2', name: 'Tiny Dental' },
    clinic: null,
    author: null,
    careTeam: [],
  }
}

/** Named variations the tests run every check against. */
export function variedCareSummaryInputs(): { name: string; input: CareSummaryInput }[] {
  const long = 'Bartholomew-Maximilian'.repeat(20)
  const seeds = Array.from({ length: 10 }, (_, index) => ({
    name: `seed ${index + 2}`,
    input: buildCareSummaryInput({ seed: index + 2, entries: (index * 3) % 11 }),
  }))
  return [
    { name: 'typical', input: buildCareSummaryInput() },
    { name: 'no data at all', input: emptyCareSummaryInput() },
    { name: 'long names', input: buildCareSummaryInput({ firstName: long, lastName: long }) },
    {
      name: 'non-ASCII names',
      input: buildCareSummaryInput({ firstName: 'Zoë', lastName: 'Ñúñez-Ólafsdóttir' }),
    },
    { name: 'CJK name', input: buildCareSummaryInput({ firstName: '小龍', lastName: '李' }) },
    {
      name: 'markup in a name',
      input: buildCareSummaryInput({
        firstName: '<script>alert(1)</script>',
        lastName: 'O\'Brien & "Sons"',
      }),
    },
    { name: 'missing birth sex', input: buildCareSummaryInput({ birthSex: null }) },
    { name: 'unknown birth sex', input: buildCareSummaryInput({ birthSex: 'U', seed: 3 }) },
    { name: 'many entries', input: buildCareSummaryInput({ entries: 60, seed: 9 }) },
    { name: 'Kathmandu time', input: buildCareSummaryInput({ timeZone: 'Asia/Kathmandu' }) },
    ...seeds,
  ]
}
