import { Type } from 'typebox'
import { NewPasswordTwice } from '../../practice/schemas.ts'

export const StaffSessionView = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Union([Type.Literal('admin'), Type.Literal('front_desk'), Type.Literal('provider')]),
  practiceName: Type.String(),
  /** Signed in with a one-time password: the console shows only "choose your password". */
  mustChangePassword: Type.Boolean(),
  /** What sign-in still owes: nothing, an authenticator code, or adding an app (policy). */
  secondFactor: Type.Union([Type.Literal('none'), Type.Literal('answer'), Type.Literal('enroll')]),
})

/** Replacing the one-time password an administrator gave: the new one, twice. */
export const OwnStaffPassword = Type.Object(NewPasswordTwice)
