import { Type } from 'typebox'
import { Id, Nullable } from '../../practice/schemas.ts'

export const StatementParams = Type.Object({ patientId: Id, statementId: Id })
export const StatementQuery = Type.Object({ download: Type.Optional(Type.Boolean()) })

export const AccountView = Type.Object({
  /** The guarantor whose family account this is. */
  holder: Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    isSelectedPatient: Type.Boolean(),
  }),
  /** False when the account is someone else's the user does not represent: nothing else is sent. */
  visible: Type.Boolean(),
  currency: Type.String(),
  /** Balance on the latest statement (cents), with that statement's date; null without one. */
  balance: Nullable(Type.Object({ cents: Type.Integer(), statementDate: Type.String() })),
  statements: Type.Array(
    Type.Object({
      id: Type.Integer(),
      date: Type.String(),
      amountCents: Type.Integer(),
      status: Type.Union([Type.Literal('Pending'), Type.Literal('Processed')]),
      hasPdf: Type.Boolean(),
    }),
  ),
  payments: Type.Array(
    Type.Object({
      id: Type.Integer(),
      paidAt: Type.String(),
      amountCents: Type.Integer(),
      method: Type.String(),
      status: Type.String(),
      note: Nullable(Type.String()),
      card: Nullable(Type.String()),
    }),
  ),
})
