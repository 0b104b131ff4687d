import { Type } from 'typebox'
import { Nullable } from '../../practice/schemas.ts'

export const OutgoingEmailQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
})

export const OutgoingEmailView = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  /** A secret's place is marked HIDDEN_SECRET: only the email sent to the patient had it. */
  text: Type.String(),
  /** It carried a one-time password or a reset code, kept nowhere readable. */
  carriesSecret: Type.Boolean(),
  status: Type.String(),
  error: Nullable(Type.String()),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
})
