/**
 * What the document engine needs to write a care summary: plain data, no database. The route
 * that creates summaries maps its rows (patients, problems, …, saved treatment plans) into this
 * shape; the engine never queries anything. Field names follow the data model's columns.
 * Optional fields accept null because that is what the rows hold.
 */

/** A calendar date as a `date` column holds it: 'YYYY-MM-DD'. */
export type CalendarDate = string

/** An instant (`timestamptz`): a Date or an ISO 8601 string with an offset. */
export type Instant = Date | string

type Maybe<T> = T | null | undefined

export interface Address {
  address1?: Maybe<string>
  address2?: Maybe<string>
  city?: Maybe<string>
  region?: Maybe<string>
  postalCode?: Maybe<string>
  /** ISO 3166-1 alpha-2. */
  country?: Maybe<string>
}

/** A code with its display text from the practice's imported code system (when it has one). */
export interface CodedValue {
  code: string
  display?: Maybe<string>
}

export interface PatientDemographics {
  /** The patient's id in Bitewing; written as the record id under the practice's id root. */
  id: string
  firstName: string
  middleName?: Maybe<string>
  lastName: string
  preferredName?: Maybe<string>
  birthdate?: Maybe<CalendarDate>
  /** Administrative sex (F, M, U = unknown); null when not recorded. */
  birthSex?: Maybe<'F' | 'M' | 'U'>
  address?: Maybe<Address>
  phoneHome?: Maybe<string>
  phoneMobile?: Maybe<string>
  phoneWork?: Maybe<string>
  email?: Maybe<string>
  /** CDC Race & Ethnicity code (e.g. 2106-3), 'declined' when the patient declined to answer. */
  race?: Maybe<CodedValue | 'declined'>
  ethnicity?: Maybe<CodedValue | 'declined'>
  /** Preferred language as a BCP 47 tag (en, es, fr-CA). */
  language?: Maybe<string>
}

export interface Organization {
  id: string
  name: string
  npi?: Maybe<string>
  phone?: Maybe<string>
  email?: Maybe<string>
  address?: Maybe<Address>
}

export interface Provider {
  id: string
  firstName: string
  lastName: string
  suffix?: Maybe<string>
  npi?: Maybe<string>
  specialty?: Maybe<string>
  isHygienist?: Maybe<boolean>
  /** The patient's primary provider is marked as the primary care provider of the care team. */
  isPrimary?: Maybe<boolean>
}

export type ClinicalStatus = 'Active' | 'Resolved' | 'Inactive' | 'Completed'

export interface Allergy {
  id: string
  allergen: string
  allergenCode?: Maybe<string>
  /** 'RxNorm', 'UNII' or 'SNOMED CT', as C-CDA's allergen value sets allow. */
  allergenCodeSystem?: Maybe<string>
  reaction?: Maybe<string>
  reactionSnomedCode?: Maybe<string>
  /** Free text; mild / moderate / severe (and fatal) are coded. */
  severity?: Maybe<string>
  onsetDate?: Maybe<CalendarDate>
  status: ClinicalStatus
}

export interface Medication {
  id: string
  description: string
  rxnormCode?: Maybe<string>
  instructions?: Maybe<string>
  startDate?: Maybe<CalendarDate>
  stopDate?: Maybe<CalendarDate>
  status: ClinicalStatus
}

export interface Problem {
  id: string
  description: string
  snomedCode?: Maybe<string>
  icd10Code?: Maybe<string>
  onsetDate?: Maybe<CalendarDate>
  resolvedDate?: Maybe<CalendarDate>
  status: ClinicalStatus
}

export interface LabResult {
  id: string
  loincCode: string
  testName: string
  value: string
  /** UCUM unit when the value is numeric. */
  unit?: Maybe<string>
  referenceRange?: Maybe<string>
  /** H, L, N, A (or high / low / normal / abnormal); anything else stays narrative only. */
  interpretation?: Maybe<string>
  observedAt: Instant
}

export interface VitalSigns {
  id: string
  measuredAt: Instant
  heightCm?: Maybe<number>
  weightKg?: Maybe<number>
  bmi?: Maybe<number>
  systolicMmHg?: Maybe<number>
  diastolicMmHg?: Maybe<number>
  pulsePerMin?: Maybe<number>
  temperatureC?: Maybe<number>
  respiratoryRatePerMin?: Maybe<number>
  oxygenSaturationPct?: Maybe<number>
}

export interface Immunization {
  id: string
  cvxCode: string
  vaccine: string
  administeredOn: CalendarDate
  status: 'Completed' | 'Refused' | 'NotAdministered'
  lotNumber?: Maybe<string>
  manufacturer?: Maybe<string>
  refusalReason?: Maybe<string>
}

/** A procedure performed or charted (clinical_procedures), usually CDT-coded. */
export interface DentalProcedure {
  id: string
  code: string
  /** 'CDT' (default), 'CPT', 'SNOMEDCT'. */
  codeSystem?: Maybe<string>
  description: string
  tooth?: Maybe<string>
  surface?: Maybe<string>
  performedOn: CalendarDate
  /** Planned procedures belong in `plannedProcedures` (from saved treatment plans). */
  status: 'Complete' | 'Existing'
  providerId?: Maybe<string>
}

export interface Encounter {
  id: string
  date: CalendarDate
  description: string
  code?: Maybe<string>
  codeSystem?: Maybe<string>
  providerId?: Maybe<string>
  /** Where it happened; defaults to the document's clinic, else the practice. */
  location?: Maybe<Organization>
}

export interface SmokingStatus {
  id: string
  snomedCode: string
  description: string
  recordedOn: CalendarDate
}

/** One row of a Saved treatment plan (never the PMS's working plan). */
export interface PlannedProcedure {
  id: string
  planHeading: string
  planDate: CalendarDate
  priority?: Maybe<string>
  tooth?: Maybe<string>
  surface?: Maybe<string>
  code: string
  codeSystem?: Maybe<string>
  description: string
}

export interface CareSummaryInput {
  document: {
    /**
     * A stable key for this document (e.g. the care_summaries row). Without one the document
     * id is derived from the whole input, so the same data gives the same id.
     */
    id?: Maybe<string>
    effectiveAt: Instant
    /** IANA time zone for every instant in the document (the practice's or clinic's). */
    timeZone: string
    title?: Maybe<string>
    /**
     * The dates the patient asked for ('YYYY-MM-DD', inclusive; a missing bound is open). The
     * entries are filtered by `summaryForRange`; the header's serviceEvent states the range.
     */
    range?: Maybe<{ from?: Maybe<CalendarDate>; to?: Maybe<CalendarDate> }>
  }
  patient: PatientDemographics
  /** The custodian: the practice that keeps the record. */
  practice: Organization
  clinic?: Maybe<Organization>
  /** The provider who authors the summary; without one, Bitewing is the authoring device. */
  author?: Maybe<Provider>
  careTeam: Provider[]
  allergies: Allergy[]
  medications: Medication[]
  problems: Problem[]
  results: LabResult[]
  vitalSigns: VitalSigns[]
  immunizations: Immunization[]
  procedures: DentalProcedure[]
  encounters: Encounter[]
  smokingStatuses: SmokingStatus[]
  plannedProcedures: PlannedProcedure[]
}
