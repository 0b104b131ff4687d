export interface PlanRowCents {
  fee_cents: number
  primary_insurance_cents: number
  secondary_insurance_cents: number
  discount_cents: number
  patient_portion_cents: number
}

export interface PlanTotals {
  feeCents: number
  primaryInsuranceCents: number
  secondaryInsuranceCents: number
  discountCents: number
  patientPortionCents: number
}

/** Column totals, summed in integer cents on the server so no rounding ever shows. */
export function planTotals(rows: PlanRowCents[]): PlanTotals {
  return rows.reduce<PlanTotals>(
    (sum, row) => ({
      feeCents: sum.feeCents + row.fee_cents,
      primaryInsuranceCents: sum.primaryInsuranceCents + row.primary_insurance_cents,
      secondaryInsuranceCents: sum.secondaryInsuranceCents + row.secondary_insurance_cents,
      discountCents: sum.discountCents + row.discount_cents,
      patientPortionCents: sum.patientPortionCents + row.patient_portion_cents,
    }),
    {
      feeCents: 0,
      primaryInsuranceCents: 0,
      secondaryInsuranceCents: 0,
      discountCents: 0,
      patientPortionCents: 0,
    },
  )
}
