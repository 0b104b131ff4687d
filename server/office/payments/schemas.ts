import { Type } from 'typebox'
import { Id, Nullable } from '../../practice/schemas.ts'

/** A refund the office made: how much, why and by whom. */
export const RefundView = Type.Object({
  amountCents: Type.Integer(),
  reason: Type.String(),
  refundedAt: Type.String(),
  staffName: Nullable(Type.String()),
  processorReference: Nullable(Type.String()),
})

/** One payment made online, with what its receipt said. */
export const OnlinePaymentView = Type.Object({
  id: Type.Integer(),
  /** The receipt number the patient was given (the attempt's number). */
  receiptNumber: Nullable(Type.Integer()),
  paidAt: Type.String(),
  amountCents: Type.Integer(),
  currency: Type.String(),
  /** Pending: the PMS has not posted it yet. */
  status: Type.Union([
    Type.Literal('Pending'),
    Type.Literal('Posted'),
    Type.Literal('Declined'),
    Type.Literal('Refunded'),
  ]),
  /** The account holder the payment is on. */
  accountHolder: Type.String(),
  /** Who paid, when not the account holder. */
  paidBy: Nullable(Type.String()),
  card: Nullable(Type.String()),
  note: Nullable(Type.String()),
  processor: Nullable(Type.String()),
  processorReference: Nullable(Type.String()),
  externalId: Nullable(Type.String()),
  statementDate: Nullable(Type.String()),
  onlineWithoutSignIn: Type.Boolean(),
  postedAt: Nullable(Type.String()),
  refund: Nullable(RefundView),
})

export const PaymentParams = Type.Object({ paymentId: Id })

export const RefundBody = Type.Object(
  {
    /** Omitted: the whole payment. At most the payment's amount. */
    amountCents: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000 })),
    reason: Type.String({ minLength: 3, maxLength: 500 }),
  },
  { additionalProperties: false },
)
