import { Type } from 'typebox'

export const StaffSessionView = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Union([Type.Literal('admin'), Type.Literal('front_desk'), Type.Literal('provider')]),
  practiceName: Type.String(),
})
