import { describe, expect, it } from 'vitest'
import { buildCcd } from '../../ccd/index.ts'
import { buildSummaryInput, cdcCoded } from './build-input.ts'
import type { SummaryRows } from './queries.ts'

const created = new Date('2024-01-01T00:00:00Z')
const place = { address2: null, region: 'MN', country: 'US' }

function rows(): SummaryRows {
  return {
    patient: {
      id: 7,
      practice_id: 1,
      external_id: null,
      guarantor_id: 7,
      relationship_to_guarantor: null,
      first_name: 'Sofia',
      middle_name: null,
      last_name: 'Garcia',
      preferred_name: 'Sofi',
      birthdate: '2016-04-02',
      birth_sex: 'F',
      status: 'Patient',
      email: 'sofia@example.test',
      phone_home: '763-555-0101',
      phone_wireless: null,
      phone_work: null,
      address1: '1 Elm St',
      city: 'Maple Grove',
      postal_code: '55369',
      ...place,
      language: 'es',
      race_code: '2106-3',
      ethnicity_code: 'ASKU',
      clinic_id: 3,
      primary_provider_id: 11,
      created_at: created,
      updated_at: created,
    },
    practice: {
      id: 1,
      name: 'Maple Grove Dental',
      npi: null,
      slug: 'mgd',
      time_zone: 'America/Chicago',
      currency: 'USD',
      phone: '(763) 555-0100',
      email: null,
      address1: '7885 Main Street N',
      city: 'Maple Grove',
      postal_code: '55369',
      ...place,
      created_at: created,
    },
    clinics: [3, 4].map((id) => ({
      id,
      practice_id: 1,
      external_id: null,
      name: id === 3 ? 'Main Street' : 'Plymouth',
      npi: null,
      abbreviation: null,
      phone: null,
      email: null,
      address1: `${id} Clinic Rd`,
      city: 'Maple Grove',
      postal_code: '55369',
      ...place,
      country: 'US',
      time_zone: id === 4 ? 'America/Denver' : null,
      online_payments_enabled: false,
      is_hidden: false,
    })),
    providers: [11, 12, 13].map((id) => ({
      id,
      practice_id: 1,
      external_id: null,
      first_name: `First${id}`,
      last_name: `Last${id}`,
      suffix: 'DDS',
      abbreviation: null,
      specialty: null,
      is_hygienist: id === 12,
      npi: null,
      clinic_id: null,
      is_hidden: false,
    })),
    problems: [
      {
        id: 21,
        practice_id: 1,
        external_id: null,
        patient_id: 7,
        snomed_code: '80967001',
        icd10_code: 'K02.9',
        description: 'Dental caries',
        onset_date: '2024-02-01',
        resolved_date: null,
        status: 'Active',
      },
    ],
    medications: [],
    allergies: [],
    immunizations: [
      {
        id: 31,
        practice_id: 1,
        external_id: null,
        patient_id: 7,
        cvx_code: '03',
        vaccine: 'MMR',
        administered_on: '2017-05-01',
        status: 'Completed',
        lot_number: 'L1',
        manufacturer: null,
        refusal_reason: null,
      },
    ],
    vitalSigns: [],
    labResults: [],
    procedures: (['Complete', 'Planned'] as const).map((status, index) => ({
      id: 41 + index,
      practice_id: 1,
      external_id: null,
      patient_id: 7,
      appointment_id: null,
      provider_id: 12,
      code: 'D1120',
      code_system: 'CDT',
      description: 'Prophylaxis - child',
      tooth: null,
      surface: null,
      performed_on: '2024-03-01',
      status,
      fee_cents: 7500,
    })),
    encounters: [
      {
        id: 51,
        practice_id: 1,
        external_id: null,
        patient_id: 7,
        appointment_id: null,
        provider_id: 11,
        clinic_id: 4,
        encounter_date: '2024-03-01',
        code: '185349003',
        code_system: 'SNOMEDCT',
        description: 'Encounter for check up',
      },
    ],
    smokingStatuses: [],
    plannedProcedures: [
      {
        id: 61,
        heading: 'Sealants',
        plan_date: '2024-03-01',
        row_order: 1,
        priority: '1',
        tooth: '3',
        surface: 'O',
        code: 'D1351',
        description: 'Sealant - per tooth',
      },
    ],
  }
}

describe('building the care summary input from rows', () => {
  const effectiveAt = new Date('2025-03-14T17:00:00Z')

  it('maps the patient, the practice, their clinic and time zone', () => {
    const input = buildSummaryInput(rows(), { effectiveAt })
    expect(input.document).toEqual({ effectiveAt, timeZone: 'America/Chicago' })
    expect(input.patient).toMatchObject({
      id: '7',
      firstName: 'Sofia',
      preferredName: 'Sofi',
      birthSex: 'F',
      phoneHome: '763-555-0101',
      race: { code: '2106-3', display: 'White' },
      ethnicity: 'declined',
      language: 'es',
      address: { address1: '1 Elm St', city: 'Maple Grove', postalCode: '55369', country: 'US' },
    })
    expect(input.practice).toMatchObject({ id: '1', name: 'Maple Grove Dental' })
    expect(input.clinic).toMatchObject({ id: 'clinic-3', name: 'Main Street' })
  })

  it('forms the care team from the primary provider and whoever saw the patient', () => {
    const input = buildSummaryInput(rows(), { effectiveAt })
    expect(input.careTeam.map((p) => [p.id, p.isPrimary])).toEqual([
      ['11', true],
      ['12', false],
    ])
    expect(input.author?.id).toBe('11')
    const visit = buildSummaryInput(rows(), {
      effectiveAt,
      appointment: { provider_id: 13, clinic_id: 4 },
    })
    expect(visit.author?.id).toBe('13')
    expect(visit.careTeam.map((p) => p.id)).toEqual(['11', '12', '13'])
    expect(visit.document.timeZone).toBe('America/Denver')
    expect(visit.clinic?.name).toBe('Plymouth')
  })

  it('maps clinical rows; planned work comes from saved plans, not the procedure log', () => {
    const input = buildSummaryInput(rows(), { effectiveAt })
    expect(input.problems).toEqual([
      expect.objectContaining({ id: '21', snomedCode: '80967001', status: 'Active' }),
    ])
    expect(input.immunizations).toEqual([
      expect.objectContaining({ cvxCode: '03', administeredOn: '2017-05-01', lotNumber: 'L1' }),
    ])
    expect(input.procedures).toEqual([
      expect.objectContaining({ id: '41', status: 'Complete', providerId: '12' }),
    ])
    expect(input.encounters[0]).toMatchObject({
      date: '2024-03-01',
      codeSystem: 'SNOMEDCT',
      location: { name: 'Plymouth' },
    })
    expect(input.plannedProcedures).toEqual([
      expect.objectContaining({ planHeading: 'Sealants', code: 'D1351', codeSystem: 'CDT' }),
    ])
    expect(() => buildCcd(input)).not.toThrow()
  })

  it('reads CDC race and ethnicity codes, declined answers and blanks', () => {
    expect(cdcCoded('2135-2')).toEqual({ code: '2135-2', display: 'Hispanic or Latino' })
    expect(cdcCoded('declined')).toBe('declined')
    expect(cdcCoded(' ')).toBeNull()
    expect(cdcCoded('9999-9')).toEqual({ code: '9999-9', display: null })
  })
})
