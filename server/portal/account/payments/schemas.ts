import { Type } from 'typebox'
import { Id, Nullable } from '../../../practice/schemas.ts'

export const AttemptParams = Type.Object({ patientId: Id, attemptId: Id })

const Card = Type.Object({
  brand: Type.String(),
  last4: Type.String(),
})

export const CardEntryView = Type.Union([
  Type.Object({ kind: Type.Literal('sandbox'), framePath: Type.String() }),
  Type.Object({ kind: Type.Literal('stripe'), framePath: Type.String() }),
])

/** What the Make payment form starts from. */
export const PaymentSetupView = Type.Object({
  currency: Type.String(),
  maximumCents: Type.Integer(),
  /** The last statement's balance when it can be paid online as it is; null otherwise. */
  amountCents: Nullable(Type.Integer()),
  statementDate: Nullable(Type.String()),
  cardEntry: CardEntryView,
  /** Saved cards (signed in only): the processor keeps them; Bitewing keeps their tokens. */
  savedCards: Type.Array(
    Type.Object({ id: Type.Integer(), label: Type.String(), expires: Type.String() }),
  ),
})

/**
 * One payment. The page makes `idempotencyKey` once per payment it shows and sends it with every
 * try, so a double click or a retry is the same payment. Either a saved card or a new card's token
 * from the processor's own fields; never card details.
 */
export const PaymentBody = Type.Object(
  {
    idempotencyKey: Type.String({ minLength: 8, maxLength: 100 }),
    amountCents: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    savedCardId: Type.Optional(Id),
    cardToken: Type.Optional(Type.String({ minLength: 8, maxLength: 255 })),
    saveCard: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)

/** The result the page shows at once, and the receipt's content. */
export const PaymentResult = Type.Object({
  id: Type.Integer(),
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('succeeded'),
    Type.Literal('failed'),
    Type.Literal('unknown'),
    Type.Literal('refunded'),
  ]),
  /** What to tell the patient when the card was refused or the answer is not in yet. */
  message: Nullable(Type.String()),
  amountCents: Type.Integer(),
  currency: Type.String(),
  card: Nullable(Card),
  madeAt: Type.String(),
  practiceName: Type.String(),
})

/** Who is paying without signing in: checked against the practice's patients. */
export const VerifyBody = Type.Object(
  {
    firstName: Type.String({ minLength: 1, maxLength: 100 }),
    lastName: Type.String({ minLength: 1, maxLength: 100 }),
    birthdate: Type.String({ format: 'date' }),
    /** The sealed statement from a statement's payment link, when the patient came by one. */
    statement: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
)

/** A card typed into the sandbox processor's own page (never a real card). */
export const SandboxCardBody = Type.Object(
  {
    number: Type.String({ maxLength: 30 }),
    expiry: Type.String({ maxLength: 7 }),
    cvc: Type.String({ maxLength: 4 }),
  },
  { additionalProperties: false },
)
