import { Type } from 'typebox'
import { CalendarDate, Id, Nullable } from '../../practice/schemas.ts'

export const SummaryParams = Type.Object({ patientId: Id, summaryId: Id })
export const TransmissionParams = Type.Object({ patientId: Id, emailId: Id })

/** The dates a summary covers (inclusive, YYYY-MM-DD); null bounds are open: everything. */
const RangeFields = {
  rangeFrom: Nullable(Type.String()),
  rangeTo: Nullable(Type.String()),
}

export const SummaryItem = Type.Object({
  id: Type.Integer(),
  effectiveAt: Type.String(),
  reason: Type.Union([Type.Literal('visit'), Type.Literal('on_demand')]),
  ...RangeFields,
})

/** A new summary: of everything (no body, or no dates), or of the entries between two dates. */
export const CreateSummaryBody = Type.Optional(
  Type.Object(
    {
      from: Type.Optional(Nullable(CalendarDate)),
      to: Type.Optional(Nullable(CalendarDate)),
    },
    { additionalProperties: false },
  ),
)

export const SummariesView = Type.Object({
  /** False until the practice has imported SNOMED CT and CVX: the tab explains why none exist. */
  setUp: Type.Boolean(),
  summaries: Type.Array(SummaryItem),
})

export const TransmitBody = Type.Object({
  to: Type.String({ maxLength: 320 }),
  kind: Type.Union([Type.Literal('email'), Type.Literal('direct')]),
})

const DeliveryStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('sent'),
  Type.Literal('failed'),
  Type.Literal('stored'),
])

export const TransmissionView = Type.Object({
  id: Type.Integer(),
  summaryId: Nullable(Type.Integer()),
  to: Type.String(),
  kind: Type.Union([Type.Literal('email'), Type.Literal('direct')]),
  /** pending (queued or being retried), sent, failed (after the retries), stored (no mail server). */
  status: DeliveryStatus,
  /** Why the last attempt failed, while pending or once failed. */
  error: Nullable(Type.String()),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
})

export const TransmitAccepted = Type.Object({
  emailId: Type.Integer(),
  status: DeliveryStatus,
})

export const ActivityView = Type.Object({
  events: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.Union([
        Type.Literal('viewed'),
        Type.Literal('downloaded'),
        Type.Literal('transmitted'),
      ]),
      at: Type.String(),
      summaryId: Nullable(Type.Integer()),
      /** Downloads: 'xml' or 'package'. */
      format: Nullable(Type.String()),
      /** The dates the summary acted on covers (null: open). */
      ...RangeFields,
      /** The person who did it (the portal user's name), or the practice for staff. */
      by: Type.String(),
      /** Transmissions: the recipient, how, and what became of the email. */
      to: Nullable(Type.String()),
      via: Nullable(Type.Union([Type.Literal('email'), Type.Literal('direct')])),
      status: Nullable(DeliveryStatus),
      error: Nullable(Type.String()),
    }),
  ),
})
