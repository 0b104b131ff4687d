/**
 * Reference data the demo draws from: real CDT procedure codes with plausible fees, and the
 * code systems a care summary needs (SNOMED CT, ICD-10-CM, RxNorm, UNII, CVX, LOINC), so the
 * generated records look like a real chart and validate against C-CDA value sets.
 */

export interface ProcedureCode {
  code: string
  description: string
  abbreviation: string
  feeCents: number
}

export const PROCEDURE_CODES = {
  D0120: { description: 'Periodic oral evaluation', abbreviation: 'PerEx', feeCents: 6_500 },
  D0140: {
    description: 'Limited oral evaluation - problem focused',
    abbreviation: 'LimEx',
    feeCents: 9_000,
  },
  D0150: { description: 'Comprehensive oral evaluation', abbreviation: 'CompEx', feeCents: 11_500 },
  D0210: {
    description: 'Intraoral - complete series of radiographic images',
    abbreviation: 'FMX',
    feeCents: 15_500,
  },
  D0220: {
    description: 'Intraoral - periapical first radiographic image',
    abbreviation: 'PA',
    feeCents: 3_200,
  },
  D0272: {
    description: 'Bitewings - two radiographic images',
    abbreviation: '2BW',
    feeCents: 5_200,
  },
  D0274: {
    description: 'Bitewings - four radiographic images',
    abbreviation: '4BW',
    feeCents: 7_500,
  },
  D0330: { description: 'Panoramic radiographic image', abbreviation: 'Pano', feeCents: 12_500 },
  D1110: { description: 'Prophylaxis - adult', abbreviation: 'Pro', feeCents: 11_000 },
  D1120: { description: 'Prophylaxis - child', abbreviation: 'ChPro', feeCents: 7_500 },
  D1206: {
    description: 'Topical application of fluoride varnish',
    abbreviation: 'FlVarn',
    feeCents: 4_500,
  },
  D1351: { description: 'Sealant - per tooth', abbreviation: 'Seal', feeCents: 5_800 },
  D2150: {
    description: 'Amalgam - two surfaces, primary or permanent',
    abbreviation: 'A2',
    feeCents: 17_500,
  },
  D2391: {
    description: 'Resin-based composite - one surface, posterior',
    abbreviation: 'C1P',
    feeCents: 19_500,
  },
  D2392: {
    description: 'Resin-based composite - two surfaces, posterior',
    abbreviation: 'C2P',
    feeCents: 24_500,
  },
  D2740: { description: 'Crown - porcelain/ceramic', abbreviation: 'CrPC', feeCents: 138_000 },
  D2950: {
    description: 'Core buildup, including any pins when required',
    abbreviation: 'BU',
    feeCents: 31_000,
  },
  D3330: {
    description: 'Endodontic therapy, molar tooth (excluding final restoration)',
    abbreviation: 'RCTMol',
    feeCents: 124_000,
  },
  D4341: {
    description: 'Periodontal scaling and root planing - four or more teeth per quadrant',
    abbreviation: 'SRP4',
    feeCents: 26_500,
  },
  D4910: { description: 'Periodontal maintenance', abbreviation: 'PerMnt', feeCents: 16_500 },
  D7140: {
    description: 'Extraction, erupted tooth or exposed root',
    abbreviation: 'Ext',
    feeCents: 21_000,
  },
  D9110: {
    description: 'Palliative treatment of dental pain - per visit',
    abbreviation: 'Palliat',
    feeCents: 12_000,
  },
  D9944: {
    description: 'Occlusal guard - hard appliance, full arch',
    abbreviation: 'NGuard',
    feeCents: 52_000,
  },
} as const satisfies Record<string, Omit<ProcedureCode, 'code'>>

export type CdtCode = keyof typeof PROCEDURE_CODES

export function procedure(code: CdtCode): ProcedureCode {
  return { code, ...PROCEDURE_CODES[code] }
}

/** Universal tooth numbers of the permanent molars and premolars, where most work happens. */
export const POSTERIOR_TEETH = [
  '2',
  '3',
  '4',
  '5',
  '12',
  '13',
  '14',
  '15',
  '18',
  '19',
  '20',
  '21',
  '28',
  '29',
  '30',
  '31',
]
export const MOLARS = ['2', '3', '14', '15', '18', '19', '30', '31']
export const FIRST_MOLARS = ['3', '14', '19', '30']
export const ONE_SURFACE = ['O', 'O', 'O', 'B', 'L']
export const TWO_SURFACES = ['MO', 'DO', 'OB', 'OL']

export interface Vaccine {
  cvx: string
  name: string
  manufacturer: string
}

export const VACCINES = {
  mmr: {
    cvx: '03',
    name: 'MMR (measles, mumps and rubella virus vaccine)',
    manufacturer: 'Merck Sharp & Dohme',
  },
  hepBPediatric: {
    cvx: '08',
    name: 'Hep B, adolescent or pediatric',
    manufacturer: 'Merck Sharp & Dohme',
  },
  ipv: { cvx: '10', name: 'IPV (poliovirus vaccine, inactivated)', manufacturer: 'Sanofi Pasteur' },
  dtap: {
    cvx: '20',
    name: 'DTaP (diphtheria, tetanus toxoids and acellular pertussis vaccine)',
    manufacturer: 'Sanofi Pasteur',
  },
  varicella: {
    cvx: '21',
    name: 'Varicella (chickenpox vaccine)',
    manufacturer: 'Merck Sharp & Dohme',
  },
  hepA: { cvx: '83', name: 'Hep A, pediatric/adolescent, 2 dose', manufacturer: 'GlaxoSmithKline' },
  influenza: {
    cvx: '88',
    name: 'Influenza virus vaccine, unspecified formulation',
    manufacturer: 'Sanofi Pasteur',
  },
  tdap: {
    cvx: '115',
    name: 'Tdap (tetanus toxoid, reduced diphtheria toxoid and acellular pertussis vaccine)',
    manufacturer: 'GlaxoSmithKline',
  },
  hpv: {
    cvx: '165',
    name: 'HPV9 (human papillomavirus 9-valent vaccine)',
    manufacturer: 'Merck Sharp & Dohme',
  },
  covidModerna: {
    cvx: '207',
    name: 'COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5 mL dose',
    manufacturer: 'Moderna US',
  },
  covidPfizer: {
    cvx: '208',
    name: 'COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose',
    manufacturer: 'Pfizer',
  },
} as const satisfies Record<string, Vaccine>

export interface Condition {
  snomed: string
  icd10: string
  description: string
}

export const CONDITIONS = {
  hypertension: { snomed: '59621000', icd10: 'I10', description: 'Essential hypertension' },
  diabetes2: { snomed: '44054006', icd10: 'E11.9', description: 'Type 2 diabetes mellitus' },
  asthma: { snomed: '195967001', icd10: 'J45.909', description: 'Asthma' },
  hyperlipidemia: { snomed: '55822004', icd10: 'E78.5', description: 'Hyperlipidemia' },
  hypothyroidism: { snomed: '40930008', icd10: 'E03.9', description: 'Hypothyroidism' },
  gerd: { snomed: '235595009', icd10: 'K21.9', description: 'Gastroesophageal reflux disease' },
  allergicRhinitis: {
    snomed: '367498001',
    icd10: 'J30.2',
    description: 'Seasonal allergic rhinitis',
  },
  anxiety: { snomed: '197480006', icd10: 'F41.9', description: 'Anxiety disorder' },
  gingivitis: { snomed: '66383009', icd10: 'K05.10', description: 'Gingivitis' },
  periodontitis: { snomed: '41565005', icd10: 'K05.30', description: 'Chronic periodontitis' },
  caries: { snomed: '80967001', icd10: 'K02.9', description: 'Dental caries' },
  bruxism: { snomed: '90207007', icd10: 'F45.8', description: 'Bruxism' },
} as const satisfies Record<string, Condition>

export interface Medication {
  rxnorm: string
  description: string
  instructions: string
}

export const MEDICATIONS = {
  lisinopril: {
    rxnorm: '314076',
    description: 'Lisinopril 10 MG Oral Tablet',
    instructions: 'Take 1 tablet by mouth once daily',
  },
  metformin: {
    rxnorm: '861007',
    description: 'Metformin hydrochloride 500 MG Oral Tablet',
    instructions: 'Take 1 tablet by mouth twice daily with meals',
  },
  atorvastatin: {
    rxnorm: '617310',
    description: 'Atorvastatin 20 MG Oral Tablet',
    instructions: 'Take 1 tablet by mouth at bedtime',
  },
  levothyroxine: {
    rxnorm: '966222',
    description: 'Levothyroxine sodium 0.05 MG Oral Tablet',
    instructions: 'Take 1 tablet by mouth every morning',
  },
  omeprazole: {
    rxnorm: '198053',
    description: 'Omeprazole 20 MG Delayed Release Oral Capsule',
    instructions: 'Take 1 capsule by mouth before breakfast',
  },
  cetirizine: {
    rxnorm: '1014678',
    description: 'Cetirizine hydrochloride 10 MG Oral Tablet',
    instructions: 'Take 1 tablet by mouth daily as needed',
  },
  albuterol: {
    rxnorm: '745679',
    description: 'Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler',
    instructions: 'Inhale 2 puffs every 4 to 6 hours as needed',
  },
  sertraline: {
    rxnorm: '312940',
    description: 'Sertraline 50 MG Oral Tablet',
    instructions: 'Take 1 tablet by mouth daily',
  },
  chlorhexidine: {
    rxnorm: '1000880',
    description: 'Chlorhexidine gluconate 1.2 MG/ML Mouthwash',
    instructions: 'Rinse with 15 mL for 30 seconds twice daily',
  },
  ibuprofen: {
    rxnorm: '197806',
    description: 'Ibuprofen 600 MG Oral Tablet',
    instructions: 'Take 1 tablet by mouth every 6 hours as needed for pain',
  },
  amoxicillin: {
    rxnorm: '308191',
    description: 'Amoxicillin 500 MG Oral Capsule',
    instructions: 'Take 1 capsule by mouth three times daily for 7 days',
  },
} as const satisfies Record<string, Medication>

export interface Allergen {
  code: string
  system: 'RxNorm' | 'UNII' | 'SNOMED CT'
  name: string
}

export const ALLERGENS = {
  penicillin: { code: '70618', system: 'RxNorm', name: 'Penicillin' },
  amoxicillin: { code: '723', system: 'RxNorm', name: 'Amoxicillin' },
  codeine: { code: '2670', system: 'RxNorm', name: 'Codeine' },
  sulfamethoxazole: { code: '10180', system: 'RxNorm', name: 'Sulfamethoxazole' },
  ibuprofen: { code: '5640', system: 'RxNorm', name: 'Ibuprofen' },
  latex: { code: '2LQ0UUW8IN', system: 'UNII', name: 'Natural rubber latex' },
  peanut: { code: 'QE1QX6B99R', system: 'UNII', name: 'Peanut' },
} as const satisfies Record<string, Allergen>

export const REACTIONS = {
  hives: { snomed: '247472004', name: 'Hives' },
  rash: { snomed: '271807003', name: 'Rash' },
  anaphylaxis: { snomed: '39579001', name: 'Anaphylaxis' },
  nausea: { snomed: '422587007', name: 'Nausea' },
  wheezing: { snomed: '56018004', name: 'Wheezing' },
} as const

export const SMOKING_STATUSES = {
  never: { snomed: '266919005', description: 'Never smoked tobacco' },
  former: { snomed: '8517006', description: 'Ex-smoker' },
  daily: { snomed: '449868002', description: 'Smokes tobacco daily' },
  occasional: { snomed: '428041000124106', description: 'Occasional tobacco smoker' },
} as const

export interface LabTest {
  loinc: string
  name: string
  unit: string
  range: string
  low: number
  high: number
  decimals: number
}

export const LAB_TESTS = {
  hba1c: {
    loinc: '4548-4',
    name: 'Hemoglobin A1c/Hemoglobin.total in Blood',
    unit: '%',
    range: '4.0-5.6',
    low: 4.0,
    high: 5.6,
    decimals: 1,
  },
  glucose: {
    loinc: '2345-7',
    name: 'Glucose [Mass/volume] in Serum or Plasma',
    unit: 'mg/dL',
    range: '70-99',
    low: 70,
    high: 99,
    decimals: 0,
  },
  inr: {
    loinc: '6301-6',
    name: 'INR in Platelet poor plasma by Coagulation assay',
    unit: '{INR}',
    range: '0.8-1.2',
    low: 0.8,
    high: 1.2,
    decimals: 1,
  },
  cholesterol: {
    loinc: '2093-3',
    name: 'Cholesterol [Mass/volume] in Serum or Plasma',
    unit: 'mg/dL',
    range: '<200',
    low: 120,
    high: 199,
    decimals: 0,
  },
} as const satisfies Record<string, LabTest>

/** SNOMED CT encounter types for the care summary's encounters section. */
export const ENCOUNTER_TYPES = {
  checkup: { code: '185349003', description: 'Encounter for check up' },
  problem: { code: '185345009', description: 'Encounter for symptom' },
  procedure: { code: '185347001', description: 'Encounter for problem' },
} as const
