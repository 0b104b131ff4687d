import { Type } from 'typebox'

export const StaffSessionView = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Union([Type.Literal('admin'), Type.Literal('front_desk'), Type.Literal('provider')]),
  practiceName: Type.String(),
  /** What sign-in still owes: nothing, an authenticator code, or adding an app (policy). */
  secondFactor: Type.Union([Type.Literal('none'), Type.Literal('answer'), Type.Literal('enroll')]),
})
