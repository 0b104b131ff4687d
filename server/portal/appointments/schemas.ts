import { Type } from 'typebox'
import { Id, Nullable } from '../../practice/schemas.ts'

export const AppointmentParams = Type.Object({ patientId: Id, appointmentId: Id })
export const RecallParams = Type.Object({ patientId: Id, recallId: Id })
export const PastQuery = Type.Object({
  pastPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
})

export const Place = Type.Object({
  name: Type.String(),
  addressLines: Type.Array(Type.String()),
  phone: Nullable(Type.String()),
  /** IANA zone the clinic keeps its times in; the browser formats times in it. */
  timeZone: Type.String(),
})

export const Appointment = Type.Object({
  id: Type.Integer(),
  startsAt: Type.String({ description: 'ISO instant' }),
  lengthMinutes: Type.Integer(),
  status: Type.String(),
  confirmation: Type.Union([
    Type.Literal('Unconfirmed'),
    Type.Literal('AwaitingConfirmation'),
    Type.Literal('Confirmed'),
  ]),
  provider: Nullable(Type.String()),
  clinic: Nullable(Place),
  /** What is planned or was done: the procedures, or the office's description. */
  procedures: Type.Array(
    Type.Object({
      code: Type.String(),
      description: Type.String(),
      tooth: Nullable(Type.String()),
      surface: Nullable(Type.String()),
    }),
  ),
  reason: Nullable(Type.String()),
  canConfirm: Type.Boolean(),
})

export const RecallNotice = Type.Object({
  id: Type.Integer(),
  description: Type.String(),
  dueDate: Type.String(),
  lengthMinutes: Type.Integer(),
})

export const AppointmentsView = Type.Object({
  actionNeeded: Type.Object({
    confirmations: Type.Array(Appointment),
    recalls: Type.Array(RecallNotice),
  }),
  upcoming: Type.Array(Appointment),
  past: Type.Object({
    items: Type.Array(Appointment),
    page: Type.Integer(),
    hasMore: Type.Boolean(),
  }),
  timeZone: Type.String(),
})

export const OpenTime = Type.Object({
  id: Type.Integer(),
  startsAt: Type.String(),
  lengthMinutes: Type.Integer(),
  clinic: Type.Object({ id: Type.Integer(), name: Type.String(), timeZone: Type.String() }),
  provider: Type.Object({ id: Type.Integer(), name: Type.String() }),
})

export const OpenTimesView = Type.Array(OpenTime)

export const Booking = Type.Object({ openTimeId: Id })
