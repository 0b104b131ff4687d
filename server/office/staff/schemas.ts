import { Type } from 'typebox'
import { Id, Nullable } from '../../practice/schemas.ts'

export const StaffRoleName = Type.Union([
  Type.Literal('admin'),
  Type.Literal('front_desk'),
  Type.Literal('provider'),
])

export const StaffMemberView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: StaffRoleName,
  active: Type.Boolean(),
  /** ISO instant of the last sign-in, or null when they never signed in. */
  lastSignInAt: Nullable(Type.String()),
})

export const NewStaffMember = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  displayName: Type.String({ minLength: 1, maxLength: 200 }),
  role: StaffRoleName,
})

/** Shown once to the administrator who asked; only its hash is kept. */
export const StaffCredentials = Type.Object({
  username: Type.String(),
  oneTimePassword: Type.String(),
})

export const StaffStatusBody = Type.Object({ active: Type.Boolean() })

export const StaffIdParams = Type.Object({ staffId: Id })
