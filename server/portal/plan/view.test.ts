import { describe, expect, it } from 'vitest'
import { plansView } from './view.ts'

describe('plansView', () => {
  it('turns each saved plan’s rows into cents with the plan’s totals', () => {
    const row = {
      priority: 'High',
      tooth: '14',
      surface: 'MO',
      code: 'D2392',
      description: 'Resin composite – two surfaces',
      fee_cents: 20000,
      primary_insurance_cents: 12000,
      secondary_insurance_cents: 0,
      discount_cents: 1000,
      patient_portion_cents: 7000,
    }
    const { view } = plansView(
      [{ id: 9, heading: 'Fillings', plan_date: '2026-02-01', note: null, rows: [row, row] }],
      { currency: 'USD' },
    )
    expect(view.currency).toBe('USD')
    expect(view.plans[0]?.rows[0]).toMatchObject({ feeCents: 20000, patientPortionCents: 7000 })
    expect(view.plans[0]?.totals).toMatchObject({ feeCents: 40000, patientPortionCents: 14000 })
  })
})
