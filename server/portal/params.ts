import { Type } from 'typebox'

/** Ids in portal URLs: positive integers, or the request is refused with 400 before any query. */
export const Id = Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991 })

export const PatientParams = Type.Object({ patientId: Id })

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])
