import { type Static, Type } from 'typebox'
import { Id, Nullable } from '../../practice/schemas.ts'

/**
 * A position in a practice's event feed: the decimal id of an event. Opaque to the PMS, which
 * only hands back what it was given (`next`, an event's `id`); ids only grow.
 */
export const Cursor = Type.String({ pattern: '^(0|[1-9][0-9]{0,17})$', maxLength: 18 })

const ExternalId = Nullable(Type.String())
const Instant = Type.String({ format: 'date-time' })

/**
 * What each event type carries, keyed by type: Bitewing's own id of the row it is about, the PMS's
 * external ids of everything it names (null for a row the PMS did not send), times and statuses —
 * never clinical content. Producers are typed by these (server/sync/outbox.ts).
 */
export const SyncEventData = {
  /** A patient (or their representative) confirmed an upcoming visit in the portal. */
  'appointment.confirmed': Type.Object({
    appointmentId: Id,
    appointmentExternalId: ExternalId,
    patientExternalId: ExternalId,
    confirmedAt: Instant,
  }),
  /**
   * Web Sched: a recall booked into an open time. The appointment is Bitewing's (no external id
   * yet): the PMS books it in its own schedule at this time, provider and operatory slot.
   */
  'recall.booked': Type.Object({
    appointmentId: Id,
    patientExternalId: ExternalId,
    recallExternalId: ExternalId,
    providerExternalId: ExternalId,
    clinicExternalId: ExternalId,
    openTimeExternalId: ExternalId,
    startsAt: Instant,
    lengthMinutes: Type.Integer(),
    bookedAt: Instant,
  }),
  /** A care summary was sent (email or Direct) to an address the patient gave. */
  /** The office gave, reset, unlocked or removed a patient's portal sign-in. */
  'portal_access.changed': Type.Object({
    patientExternalId: ExternalId,
    portalUserName: Type.Union([Type.String(), Type.Null()]),
    change: Type.Union([
      Type.Literal('granted'),
      Type.Literal('reset'),
      Type.Literal('unlocked'),
      Type.Literal('removed'),
    ]),
  }),
  /**
   * A patient (or their representative) sent a message in the portal's WebMail. The PMS files it
   * from the ids: the thread it answers, the patient it is about, the provider it is to (null: the
   * office) and its attachments; the words themselves are read from Bitewing, not carried here.
   */
  'message.sent': Type.Object({
    messageId: Id,
    patientExternalId: ExternalId,
    providerExternalId: ExternalId,
    inReplyToId: Nullable(Id),
    inReplyToExternalId: ExternalId,
    attachmentIds: Type.Array(Id),
    sentAt: Instant,
  }),
  /**
   * A patient paid online (a card charge that succeeded). The PMS posts it to the account, then
   * PUTs the payment to the sync API under `paymentExternalId` with status Posted, which takes it
   * off the office's list of payments to post and shows it as posted to the patient.
   */
  'payment.made': Type.Object({
    paymentId: Id,
    paymentExternalId: Type.String(),
    patientExternalId: ExternalId,
    guarantorExternalId: ExternalId,
    statementExternalId: ExternalId,
    amountCents: Type.Integer(),
    currency: Type.String(),
    paidAt: Instant,
    processor: Type.String(),
    processorReference: Type.String(),
    cardBrand: Type.String(),
    cardLast4: Type.String(),
  }),
  /**
   * The office refunded an online payment (all of it, or `amountCents` of it) through the card
   * processor. The PMS records the refund on the account; the payment is Refunded in the portal.
   */
  'payment.refunded': Type.Object({
    paymentId: Id,
    paymentExternalId: ExternalId,
    patientExternalId: ExternalId,
    guarantorExternalId: ExternalId,
    refundId: Id,
    amountCents: Type.Integer(),
    currency: Type.String(),
    refundedAt: Instant,
    processor: Type.String(),
    processorReference: Type.String(),
  }),
  'care_summary.transmitted': Type.Object({
    careSummaryId: Id,
    patientExternalId: ExternalId,
    via: Type.Union([Type.Literal('email'), Type.Literal('direct')]),
    transmittedAt: Instant,
  }),
}

export type SyncEventType = keyof typeof SyncEventData
export type SyncEventDataOf<T extends SyncEventType> = Static<(typeof SyncEventData)[T]>

/**
 * One event as the feed and webhooks deliver it. `data` is the type's object (SyncEventData);
 * types added later (`message.sent`, `payment.made`) keep this envelope.
 */
export const SyncEventEnvelope = Type.Object({
  /** The event's cursor: acknowledging it acknowledges every earlier event. */
  id: Cursor,
  type: Type.String(),
  occurredAt: Instant,
  data: Type.Record(Type.String(), Type.Unknown()),
})
export type SyncEventEnvelope = Static<typeof SyncEventEnvelope>

export const MAX_EVENTS_PAGE = 1000
export const DEFAULT_EVENTS_PAGE = 100

export const EventsQuery = Type.Object(
  {
    /** Events after this cursor; omitted: from the first event not yet acknowledged. */
    after: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_EVENTS_PAGE })),
  },
  { additionalProperties: false },
)

export const EventsPage = Type.Object({
  events: Type.Array(SyncEventEnvelope),
  /** Where the next page starts (`after=`): the last event's id, or the cursor asked with. */
  next: Nullable(Cursor),
  /** More events wait after `next`. */
  hasMore: Type.Boolean(),
})
export type EventsPage = Static<typeof EventsPage>

export const AckBody = Type.Object(
  { cursor: Cursor },
  { additionalProperties: false, examples: [{ cursor: '4711' }] },
)

export const AckResult = Type.Object({
  /** Events newly acknowledged by this call (0 when they already were). */
  acknowledged: Type.Integer(),
})

export const WebhookBody = Type.Object(
  { url: Type.String({ minLength: 8, maxLength: 2000 }) },
  { additionalProperties: false, examples: [{ url: 'https://pms.example.com/bitewing/events' }] },
)

export const WebhookCreated = Type.Object({
  url: Type.String(),
  /** The signing secret, shown once: Bitewing keeps it sealed and never shows it again. */
  secret: Type.String(),
})

export const WebhookView = Type.Object({ url: Nullable(Type.String()) })
