import type {
  Address,
  CareSummaryInput,
  CodedValue,
  Organization,
  Provider,
} from '../../ccd/index.ts'
import type { SummaryRows } from './queries.ts'

/** OMB race and ethnicity categories (CDC Race & Ethnicity code system), for display names. */
const CDC_RACE_ETHNICITY: Record<string, string> = {
  '1002-5': 'American Indian or Alaska Native',
  '2028-9': 'Asian',
  '2054-5': 'Black or African American',
  '2076-8': 'Native Hawaiian or Other Pacific Islander',
  '2106-3': 'White',
  '2131-1': 'Other Race',
  '2135-2': 'Hispanic or Latino',
  '2186-5': 'Not Hispanic or Latino',
}

const DECLINED = new Set(['asku', 'declined'])

export function cdcCoded(code: string | null | undefined): CodedValue | 'declined' | null {
  const value = code?.trim()
  if (!value) return null
  if (DECLINED.has(value.toLowerCase())) return 'declined'
  return { code: value, display: CDC_RACE_ETHNICITY[value] ?? null }
}

interface Place {
  address1: string | null
  address2: string | null
  city: string | null
  region: string | null
  postal_code: string | null
  country: string | null
}

function address(place: Place): Address | null {
  if (!place.address1 && !place.city && !place.postal_code) return null
  return {
    address1: place.address1,
    address2: place.address2,
    city: place.city,
    region: place.region,
    postalCode: place.postal_code,
    country: place.country,
  }
}

type ClinicRow = SummaryRows['clinics'][number]
type ProviderRow = SummaryRows['providers'][number]

function clinicOrganization(clinic: ClinicRow): Organization {
  return {
    id: `clinic-${clinic.id}`,
    name: clinic.name,
    npi: clinic.npi,
    phone: clinic.phone,
    email: clinic.email,
    address: address(clinic),
  }
}

function provider(row: ProviderRow, primaryId: number | null): Provider {
  return {
    id: String(row.id),
    firstName: row.first_name,
    lastName: row.last_name,
    suffix: row.suffix,
    npi: row.npi,
    specialty: row.specialty,
    isHygienist: row.is_hygienist,
    isPrimary: row.id === primaryId,
  }
}

export interface SummaryOptions {
  effectiveAt: Date
  /** A completed visit's summary is authored by its provider and placed at its clinic. */
  appointment?: { provider_id: number | null; clinic_id: number | null } | null
}

/**
 * Maps a patient's rows to the document engine's input. Pure. The care team is the patient's
 * primary provider and everyone who saw them (encounters, procedures, the visit); the author is
 * the visit's provider, else the primary provider, else Bitewing itself (as a device).
 */
export function buildSummaryInput(rows: SummaryRows, options: SummaryOptions): CareSummaryInput {
  const { patient, practice } = rows
  const clinics = new Map(rows.clinics.map((clinic) => [clinic.id, clinic]))
  const providers = new Map(rows.providers.map((row) => [row.id, row]))
  const clinicId = options.appointment?.clinic_id ?? patient.clinic_id
  const clinic = clinicId ? clinics.get(clinicId) : undefined
  const primaryId = patient.primary_provider_id

  const teamIds = new Set<number>()
  const addToTeam = (id: number | null | undefined) => {
    if (id && providers.has(id)) teamIds.add(id)
  }
  addToTeam(primaryId)
  addToTeam(options.appointment?.provider_id)
  for (const encounter of rows.encounters) addToTeam(encounter.provider_id)
  for (const procedure of rows.procedures) addToTeam(procedure.provider_id)
  const careTeam = [...teamIds]
    .map((id) => providers.get(id))
    .filter((row): row is ProviderRow => row !== undefined)
    .sort((a, b) => Number(b.id === primaryId) - Number(a.id === primaryId) || a.id - b.id)
    .map((row) => provider(row, primaryId))
  const authorRow =
    providers.get(options.appointment?.provider_id ?? -1) ?? providers.get(primaryId ?? -1)

  return {
    document: {
      effectiveAt: options.effectiveAt,
      timeZone: clinic?.time_zone ?? practice.time_zone,
    },
    patient: {
      id: String(patient.id),
      firstName: patient.first_name,
      middleName: patient.middle_name,
      lastName: patient.last_name,
      preferredName: patient.preferred_name,
      birthdate: patient.birthdate,
      birthSex: patient.birth_sex as 'F' | 'M' | 'U' | null,
      address: address(patient),
      phoneHome: patient.phone_home,
      phoneMobile: patient.phone_wireless,
      phoneWork: patient.phone_work,
      email: patient.email,
      race: cdcCoded(patient.race_code),
      ethnicity: cdcCoded(patient.ethnicity_code),
      language: patient.language,
    },
    practice: {
      id: String(practice.id),
      name: practice.name,
      npi: practice.npi,
      phone: practice.phone,
      email: practice.email,
      address: address(practice),
    },
    clinic: clinic ? clinicOrganization(clinic) : null,
    author: authorRow ? provider(authorRow, primaryId) : null,
    careTeam,
    allergies: rows.allergies.map((row) => ({
      id: String(row.id),
      allergen: row.allergen,
      allergenCode: row.allergen_code,
      allergenCodeSystem: row.allergen_code_system,
      reaction: row.reaction,
      reactionSnomedCode: row.reaction_snomed_code,
      severity: row.severity,
      onsetDate: row.onset_date,
      status: row.status,
    })),
    medications: rows.medications.map((row) => ({
      id: String(row.id),
      description: row.description,
      rxnormCode: row.rxnorm_code,
      instructions: row.instructions,
      startDate: row.start_date,
      stopDate: row.stop_date,
      status: row.status,
    })),
    problems: rows.problems.map((row) => ({
      id: String(row.id),
      description: row.description,
      snomedCode: row.snomed_code,
      icd10Code: row.icd10_code,
      onsetDate: row.onset_date,
      resolvedDate: row.resolved_date,
      status: row.status,
    })),
    results: rows.labResults.map((row) => ({
      id: String(row.id),
      loincCode: row.loinc_code,
      testName: row.test_name,
      value: row.value,
      unit: row.unit,
      referenceRange: row.reference_range,
      interpretation: row.interpretation,
      observedAt: row.observed_at,
    })),
    vitalSigns: rows.vitalSigns.map((row) => ({
      id: String(row.id),
      measuredAt: row.measured_at,
      heightCm: row.height_cm,
      weightKg: row.weight_kg,
      bmi: row.bmi,
      systolicMmHg: row.systolic_mmhg,
      diastolicMmHg: row.diastolic_mmhg,
      pulsePerMin: row.pulse_per_min,
      temperatureC: row.temperature_c,
      respiratoryRatePerMin: row.respiratory_rate_per_min,
      oxygenSaturationPct: row.oxygen_saturation_pct,
    })),
    immunizations: rows.immunizations.map((row) => ({
      id: String(row.id),
      cvxCode: row.cvx_code,
      vaccine: row.vaccine,
      administeredOn: row.administered_on,
      status: row.status,
      lotNumber: row.lot_number,
      manufacturer: row.manufacturer,
      refusalReason: row.refusal_reason,
    })),
    procedures: rows.procedures
      .filter((row) => row.status !== 'Planned')
      .map((row) => ({
        id: String(row.id),
        code: row.code,
        codeSystem: row.code_system,
        description: row.description,
        tooth: row.tooth,
        surface: row.surface,
        performedOn: row.performed_on,
        status: row.status as 'Complete' | 'Existing',
        providerId: row.provider_id ? String(row.provider_id) : null,
      })),
    encounters: rows.encounters.map((row) => {
      const place = row.clinic_id ? clinics.get(row.clinic_id) : undefined
      return {
        id: String(row.id),
        date: row.encounter_date,
        description: row.description,
        code: row.code,
        codeSystem: row.code_system,
        providerId: row.provider_id ? String(row.provider_id) : null,
        location: place ? clinicOrganization(place) : null,
      }
    }),
    smokingStatuses: rows.smokingStatuses.map((row) => ({
      id: String(row.id),
      snomedCode: row.snomed_code,
      description: row.description,
      recordedOn: row.recorded_on,
    })),
    plannedProcedures: rows.plannedProcedures.map((row) => ({
      id: String(row.id),
      planHeading: row.heading,
      planDate: row.plan_date,
      priority: row.priority,
      tooth: row.tooth,
      surface: row.surface,
      code: row.code,
      codeSystem: 'CDT',
      description: row.description,
    })),
  }
}
