import { Type } from 'typebox'
import { Id } from '../practice/schemas.ts'

export const PatientParams = Type.Object({ patientId: Id })
