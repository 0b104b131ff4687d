import type { TreatmentPlanStatus } from '../platform/db/schema.ts'
import {
  MOLARS,
  ONE_SURFACE,
  POSTERIOR_TEETH,
  type ProcedureCode,
  procedure,
  TWO_SURFACES,
} from './catalog.ts'
import { type DemoContext, isChild, type Member } from './context.ts'
import { addDays, type CalendarDate } from './dates.ts'
import type { PlanRowDraft } from './drafts.ts'
import { between, chance, pick, weighted } from './random.ts'

export interface PlanItem {
  code: ProcedureCode
  tooth?: string
  surface?: string
  priority?: string
}

export interface Coverage {
  /** Share of the fee the primary insurer pays for basic work; 0 for the uninsured. */
  primaryRate: number
  hasSecondary: boolean
}

/** Insurers pay preventive care in full, basic work at the plan's rate, major work at half. */
function coverageFor(code: string, rate: number): number {
  if (rate === 0) return 0
  if (code.startsWith('D0') || code.startsWith('D1')) return 1
  if (code === 'D2740' || code === 'D2950' || code === 'D9944') return 0.5
  return rate
}

/**
 * A plan row whose money adds up: portion = fee − primary − secondary − discount, every part
 * a whole number of cents and the portion never negative.
 */
export function planRow(
  item: PlanItem,
  order: number,
  coverage: Coverage,
  discountRate: number,
): PlanRowDraft {
  const fee = item.code.feeCents
  const primary = Math.round(fee * coverageFor(item.code.code, coverage.primaryRate))
  const secondary = coverage.hasSecondary ? Math.round((fee - primary) * 0.5) : 0
  const discount = Math.min(fee - primary - secondary, Math.round(fee * discountRate))
  return {
    row_order: order,
    priority: item.priority ?? null,
    tooth: item.tooth ?? null,
    surface: item.surface ?? null,
    code: item.code.code,
    description: item.code.description,
    fee_cents: fee,
    primary_insurance_cents: primary,
    secondary_insurance_cents: secondary,
    discount_cents: discount,
    patient_portion_cents: fee - primary - secondary - discount,
  }
}

export function addPlan(
  ctx: DemoContext,
  member: Member,
  plan: {
    heading: string
    date: CalendarDate
    note?: string
    status: TreatmentPlanStatus
    items: PlanItem[]
    coverage: Coverage
    discountRate?: number
  },
) {
  ctx.drafts.plans.push({
    external_id: ctx.ids.next('treatment_plans'),
    patient: member.patient.external_id,
    heading: plan.heading,
    plan_date: plan.date,
    note: plan.note ?? null,
    status: plan.status,
    rows: plan.items.map((item, index) =>
      planRow(item, index + 1, plan.coverage, plan.discountRate ?? 0),
    ),
  })
}

function suggestedTreatment(ctx: DemoContext, member: Member): PlanItem[] {
  const { faker } = ctx
  if (isChild(member)) {
    return ['3', '14', '19', '30']
      .slice(0, between(faker, 2, 4))
      .map((tooth) => ({ code: procedure('D1351'), tooth, priority: '2' }))
  }
  const items: PlanItem[] = []
  const count = between(faker, 1, 4)
  for (let index = 0; index < count; index++) {
    const kind = weighted(faker, [
      ['filling', 45],
      ['filling2', 20],
      ['crown', 15],
      ['endo', 6],
      ['srp', 8],
      ['guard', 6],
    ] as const)
    const priority = String(Math.min(3, index + 1))
    if (kind === 'filling')
      items.push({
        code: procedure('D2391'),
        tooth: pick(faker, POSTERIOR_TEETH),
        surface: pick(faker, ONE_SURFACE),
        priority,
      })
    if (kind === 'filling2')
      items.push({
        code: procedure('D2392'),
        tooth: pick(faker, POSTERIOR_TEETH),
        surface: pick(faker, TWO_SURFACES),
        priority,
      })
    if (kind === 'crown') {
      const tooth = pick(faker, MOLARS)
      items.push(
        { code: procedure('D2950'), tooth, priority },
        { code: procedure('D2740'), tooth, priority },
      )
    }
    if (kind === 'endo') {
      const tooth = pick(faker, MOLARS)
      items.push(
        { code: procedure('D3330'), tooth, priority: '1' },
        { code: procedure('D2740'), tooth, priority: '2' },
      )
    }
    if (kind === 'srp')
      items.push({
        code: procedure('D4341'),
        surface: pick(faker, ['UR', 'UL', 'LR', 'LL']),
        priority,
      })
    if (kind === 'guard') items.push({ code: procedure('D9944'), priority: '3' })
  }
  return items
}

const HEADINGS = [
  'Recommended treatment',
  'Restorative plan',
  'Treatment plan',
  'Phase 1 - priority work',
]

/** The plans the portal hides, by how often a patient has one and how many days old it is. */
const HIDDEN_PLANS: {
  odds: number
  heading: string
  status: TreatmentPlanStatus
  daysAgo: [number, number]
}[] = [
  { odds: 0.1, heading: 'Active Treatment Plan', status: 'Active', daysAgo: [0, 60] },
  { odds: 0.05, heading: 'Previous plan', status: 'Inactive', daysAgo: [400, 900] },
]

/** Saved plans for some patients, plus working (Active) and old (Inactive) ones the portal hides. */
export function generatePlans(ctx: DemoContext, member: Member, coverage: Coverage): void {
  const { faker, today } = ctx
  if (member.patient.status !== 'Patient' || member.age < 6) return
  const discountRate = chance(faker, 0.15) ? 0.05 : 0
  if (chance(faker, 0.22)) {
    addPlan(ctx, member, {
      heading: pick(faker, HEADINGS),
      date: addDays(today, -between(faker, 3, 200)),
      note: chance(faker, 0.5)
        ? 'Estimates are based on your current insurance benefits.'
        : undefined,
      status: 'Saved',
      items: suggestedTreatment(ctx, member),
      coverage,
      discountRate,
    })
  }
  for (const plan of HIDDEN_PLANS) {
    if (!chance(faker, plan.odds)) continue
    addPlan(ctx, member, {
      heading: plan.heading,
      date: addDays(today, -between(faker, ...plan.daysAgo)),
      status: plan.status,
      items: suggestedTreatment(ctx, member),
      coverage,
    })
  }
}
