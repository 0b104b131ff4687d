import { Type } from 'typebox'
import { CalendarDate, Id, Nullable } from '../../practice/schemas.ts'

export const PatientIdParams = Type.Object({ patientId: Id })

export const PatientSearch = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 100 })),
  birthdate: Type.Optional(CalendarDate),
})

export const PortalAccess = Type.Object({
  username: Type.String(),
  /** The one-time password has not been replaced yet. */
  awaitingFirstSignIn: Type.Boolean(),
  lastSignInAt: Nullable(Type.String()),
  /** Too many misses at "verify personal information": the office may unlock it. */
  verificationLocked: Type.Boolean(),
})

export const PatientWithAccess = Type.Object({
  id: Type.Integer(),
  firstName: Type.String(),
  lastName: Type.String(),
  birthdate: Nullable(Type.String()),
  status: Type.String(),
  hasEmail: Type.Boolean(),
  /** What is missing before access can be given: name, address, birthdate. */
  missing: Type.Array(Type.String()),
  access: Nullable(PortalAccess),
})

export const GrantAccess = Type.Object({
  /** Leave out for a suggested one (first name + digits). */
  username: Type.Optional(Type.String({ maxLength: 100 })),
})

/** Shown once, to print or email; only its hash is kept. */
export const IssuedCredentials = Type.Object({
  username: Type.String(),
  oneTimePassword: Type.String(),
})

export const OneTimePassword = Type.Object({
  oneTimePassword: Type.String({ minLength: 1, maxLength: 50 }),
})
