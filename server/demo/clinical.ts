import type { History } from './appointments.ts'
import {
  ALLERGENS,
  type Allergen,
  CONDITIONS,
  type Condition,
  LAB_TESTS,
  type LabTest,
  MEDICATIONS,
  type Medication,
  REACTIONS,
  SMOKING_STATUSES,
  VACCINES,
  type Vaccine,
} from './catalog.ts'
import { type DemoContext, isChild, type Member } from './context.ts'
import { addDays, addMonths, addYears, type CalendarDate } from './dates.ts'
import { between, chance, pick, weighted } from './random.ts'

/** Small builders shared by the Garcias' hand-written chart and the generated ones. */
export function addProblem(
  ctx: DemoContext,
  member: Member,
  condition: Condition,
  onset: CalendarDate,
  resolved?: CalendarDate,
) {
  ctx.drafts.problems.push({
    external_id: ctx.ids.next('problems'),
    patient: member.patient.external_id,
    snomed_code: condition.snomed,
    icd10_code: condition.icd10,
    description: condition.description,
    onset_date: onset,
    resolved_date: resolved ?? null,
    status: resolved ? 'Resolved' : 'Active',
  })
}

export function addMedication(
  ctx: DemoContext,
  member: Member,
  medication: Medication,
  start: CalendarDate,
  stop?: CalendarDate,
) {
  ctx.drafts.medications.push({
    external_id: ctx.ids.next('medications'),
    patient: member.patient.external_id,
    rxnorm_code: medication.rxnorm,
    description: medication.description,
    instructions: medication.instructions,
    start_date: start,
    stop_date: stop ?? null,
    status: stop ? 'Completed' : 'Active',
  })
}

export function addAllergy(
  ctx: DemoContext,
  member: Member,
  allergen: Allergen,
  reaction: (typeof REACTIONS)[keyof typeof REACTIONS],
  severity: 'mild' | 'moderate' | 'severe',
  onset: CalendarDate,
) {
  ctx.drafts.allergies.push({
    external_id: ctx.ids.next('allergies'),
    patient: member.patient.external_id,
    allergen_code: allergen.code,
    allergen_code_system: allergen.system,
    allergen: allergen.name,
    reaction_snomed_code: reaction.snomed,
    reaction: reaction.name,
    severity,
    onset_date: onset,
    status: 'Active',
  })
}

export function addImmunization(
  ctx: DemoContext,
  member: Member,
  vaccine: Vaccine,
  on: CalendarDate,
  refused = false,
) {
  ctx.drafts.immunizations.push({
    external_id: ctx.ids.next('immunizations'),
    patient: member.patient.external_id,
    cvx_code: vaccine.cvx,
    vaccine: vaccine.name,
    administered_on: on,
    status: refused ? 'Refused' : 'Completed',
    lot_number: refused
      ? null
      : `${vaccine.cvx}${ctx.faker.string.alphanumeric({ length: 6, casing: 'upper' })}`,
    manufacturer: refused ? null : vaccine.manufacturer,
    refusal_reason: refused ? 'Patient declined' : null,
  })
}

export function addVitals(ctx: DemoContext, member: Member, at: Date, adult: boolean) {
  const { faker } = ctx
  const heightCm = adult ? between(faker, 152, 192) : between(faker, 80, 165)
  const weightKg = adult ? between(faker, 50, 118) : Math.round(heightCm * 0.22)
  ctx.drafts.vitalSigns.push({
    external_id: ctx.ids.next('vital_signs'),
    patient: member.patient.external_id,
    measured_at: at,
    height_cm: heightCm,
    weight_kg: weightKg,
    bmi: Math.round((weightKg / (heightCm / 100) ** 2) * 10) / 10,
    systolic_mmhg: adult ? between(faker, 108, 148) : null,
    diastolic_mmhg: adult ? between(faker, 66, 94) : null,
    pulse_per_min: between(faker, 58, 96),
    temperature_c: null,
    respiratory_rate_per_min: null,
    oxygen_saturation_pct: null,
  })
}

export function addLab(ctx: DemoContext, member: Member, test: LabTest, at: Date, high = false) {
  const { faker } = ctx
  const span = test.high - test.low
  const raw = high
    ? test.high + faker.number.float({ min: 0.05, max: 0.3 }) * span * 3
    : test.low + faker.number.float({ min: 0.1, max: 0.9 }) * span
  ctx.drafts.labResults.push({
    external_id: ctx.ids.next('lab_results'),
    patient: member.patient.external_id,
    loinc_code: test.loinc,
    test_name: test.name,
    value: raw.toFixed(test.decimals),
    unit: test.unit,
    reference_range: test.range,
    interpretation: high ? 'H' : 'N',
    observed_at: at,
  })
}

export function addSmokingStatus(
  ctx: DemoContext,
  member: Member,
  status: (typeof SMOKING_STATUSES)[keyof typeof SMOKING_STATUSES],
  on: CalendarDate,
) {
  ctx.drafts.smokingStatuses.push({
    external_id: ctx.ids.next('smoking_statuses'),
    patient: member.patient.external_id,
    snomed_code: status.snomed,
    description: status.description,
    recorded_on: on,
  })
}

/** The most recent autumn flu season on or before `today`. */
export function lastFluSeason(today: CalendarDate): CalendarDate {
  const october = `${today.slice(0, 4)}-10-15`
  return october <= today ? october : addYears(october, -1)
}

/**
 * The health history a dental chart keeps: common conditions with their medications, a few
 * allergies, vaccines, vital signs at the last visit, and smoking status for adults.
 */
export function generateClinical(ctx: DemoContext, member: Member, history: History) {
  const { faker, today } = ctx
  const last = history.completed.at(-1)
  if (!last) return
  const child = isChild(member)
  const birthdate = member.patient.birthdate as CalendarDate
  const since = (minYears: number) =>
    addDays(today, -between(faker, minYears * 365, (minYears + 8) * 365))

  if (!child && chance(faker, Math.min(0.7, member.age / 90))) {
    const condition = weighted(faker, [
      ['hypertension', 30],
      ['hyperlipidemia', 20],
      ['diabetes2', 12],
      ['hypothyroidism', 10],
      ['gerd', 12],
      ['anxiety', 8],
      ['allergicRhinitis', 8],
    ] as const)
    const onset = since(1)
    addProblem(ctx, member, CONDITIONS[condition], onset)
    const medication = {
      hypertension: MEDICATIONS.lisinopril,
      hyperlipidemia: MEDICATIONS.atorvastatin,
      diabetes2: MEDICATIONS.metformin,
      hypothyroidism: MEDICATIONS.levothyroxine,
      gerd: MEDICATIONS.omeprazole,
      anxiety: MEDICATIONS.sertraline,
      allergicRhinitis: MEDICATIONS.cetirizine,
    }[condition]
    addMedication(ctx, member, medication, addDays(onset, between(faker, 0, 60)))
    if (condition === 'diabetes2') {
      addLab(ctx, member, LAB_TESTS.hba1c, last.startsAt, chance(faker, 0.6))
      addLab(ctx, member, LAB_TESTS.glucose, last.startsAt, chance(faker, 0.5))
    }
  } else if (child && chance(faker, 0.08)) {
    addProblem(ctx, member, CONDITIONS.asthma, addDays(birthdate, between(faker, 700, 2000)))
    addMedication(ctx, member, MEDICATIONS.albuterol, addDays(today, -between(faker, 100, 700)))
  }
  if (history.perio)
    addProblem(ctx, member, CONDITIONS.periodontitis, history.completed[0]?.date ?? last.date)
  if (history.completed.some((visit) => visit.kind === 'restorative')) {
    const visit = history.completed.find((v) => v.kind === 'restorative')
    if (visit) addProblem(ctx, member, CONDITIONS.caries, addDays(visit.date, -21), visit.date)
  }
  if (chance(faker, 0.14)) {
    const allergen = weighted(faker, [
      ['penicillin', 40],
      ['amoxicillin', 10],
      ['codeine', 15],
      ['sulfamethoxazole', 12],
      ['ibuprofen', 6],
      ['latex', 10],
      ['peanut', 7],
    ] as const)
    const reaction =
      allergen === 'peanut'
        ? REACTIONS.anaphylaxis
        : pick(faker, [REACTIONS.hives, REACTIONS.rash, REACTIONS.nausea])
    addAllergy(
      ctx,
      member,
      ALLERGENS[allergen],
      reaction,
      reaction === REACTIONS.anaphylaxis ? 'severe' : pick(faker, ['mild', 'moderate'] as const),
      addDays(birthdate, between(faker, 365, Math.max(400, member.age * 300))),
    )
  }
  if (child) {
    if (chance(faker, 0.5)) {
      addImmunization(ctx, member, VACCINES.mmr, addMonths(birthdate, 12))
      addImmunization(ctx, member, VACCINES.dtap, addMonths(birthdate, 2))
      addImmunization(ctx, member, VACCINES.hepBPediatric, birthdate)
    }
  } else if (chance(faker, 0.35)) {
    const season = lastFluSeason(today)
    addImmunization(
      ctx,
      member,
      VACCINES.influenza,
      addDays(season, between(faker, 0, 40)),
      chance(faker, 0.1),
    )
  }
  if (chance(faker, 0.6)) addVitals(ctx, member, last.startsAt, !child)
  if (member.age >= 15) {
    const smoking = weighted(faker, [
      ['never', 70],
      ['former', 17],
      ['daily', 9],
      ['occasional', 4],
    ] as const)
    addSmokingStatus(ctx, member, SMOKING_STATUSES[smoking], last.date)
  }
}
