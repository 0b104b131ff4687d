import { Type } from 'typebox'
import { Nullable } from '../../practice/schemas.ts'

const Money = {
  feeCents: Type.Integer(),
  primaryInsuranceCents: Type.Integer(),
  secondaryInsuranceCents: Type.Integer(),
  discountCents: Type.Integer(),
  patientPortionCents: Type.Integer(),
}

export const SavedPlan = Type.Object({
  id: Type.Integer(),
  heading: Type.String(),
  date: Type.String(),
  note: Nullable(Type.String()),
  rows: Type.Array(
    Type.Object({
      priority: Nullable(Type.String()),
      tooth: Nullable(Type.String()),
      surface: Nullable(Type.String()),
      code: Type.String(),
      description: Type.String(),
      ...Money,
    }),
  ),
  totals: Type.Object(Money),
})

export const PlansView = Type.Object({ currency: Type.String(), plans: Type.Array(SavedPlan) })
