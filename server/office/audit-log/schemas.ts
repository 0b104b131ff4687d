import { Type } from 'typebox'
import { CalendarDate, Nullable } from '../../practice/schemas.ts'

/** The Audit log's filters; each is optional and they combine. */
export const AuditLogQuery = Type.Object({
  /** Part of a patient's name: "maria garcia" finds events about Maria García. */
  patient: Type.Optional(Type.String({ maxLength: 100 })),
  /** A user name, staff or portal, exactly (any case). */
  user: Type.Optional(Type.String({ maxLength: 100 })),
  /** An action exactly (`portal.sign_in`), or every action under a prefix ending in a dot. */
  action: Type.Optional(Type.String({ maxLength: 100, pattern: '^[a-z_.]*$' })),
  /** Calendar days in the practice's time zone, both included. */
  from: Type.Optional(CalendarDate),
  to: Type.Optional(CalendarDate),
  /** The `next` of the previous page. */
  after: Type.Optional(Type.String({ maxLength: 80 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
})

export const AuditEventView = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorType: Type.String(),
  /** Who: a staff member's name, a portal user's patient name, "Sync API", "System"… */
  actor: Type.String(),
  username: Nullable(Type.String()),
  action: Type.String(),
  outcome: Type.String(),
  patientId: Nullable(Type.Integer()),
  patient: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  target: Nullable(Type.String()),
})

export const AuditLogPage = Type.Object({
  events: Type.Array(AuditEventView),
  /** Pass as `after` for the next (older) page; null on the last page. */
  next: Nullable(Type.String()),
})
