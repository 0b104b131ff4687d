import { expect, it } from 'vitest'
import { planTotals } from './rules.ts'

it('adds every money column in cents', () => {
  const row = (fee: number, primary: number, secondary: number, discount: number) => ({
    fee_cents: fee,
    primary_insurance_cents: primary,
    secondary_insurance_cents: secondary,
    discount_cents: discount,
    patient_portion_cents: fee - primary - secondary - discount,
  })
  expect(
    planTotals([row(115_000, 57_500, 0, 0), row(19_910, 15_928, 1_991, 0), row(10, 0, 0, 3)]),
  ).toEqual({
    feeCents: 134_920,
    primaryInsuranceCents: 73_428,
    secondaryInsuranceCents: 1_991,
    discountCents: 3,
    patientPortionCents: 59_498,
  })
  expect(planTotals([]).feeCents).toBe(0)
})
