import { Type } from 'typebox'
import {
  BoxName,
  MessageSummary,
  MessageView,
  OfficeCompose,
} from '../../practice/messages/schemas.ts'
import { Id, Nullable } from '../../practice/schemas.ts'

export {
  AttachmentParams,
  MessageParams,
} from '../../practice/messages/schemas.ts'

export const OfficeBoxQuery = Type.Object({
  box: Type.Optional(BoxName),
  /** `office` for the shared inbox, or a provider's id; none: every inbox. */
  provider: Type.Optional(
    Type.Union([Type.Literal('office'), Type.String({ pattern: '^[1-9][0-9]{0,15}$' })]),
  ),
  patientId: Type.Optional(Id),
  status: Type.Optional(
    Type.Union([
      Type.Literal('unread'),
      Type.Literal('read'),
      Type.Literal('open'),
      Type.Literal('handled'),
    ]),
  ),
  /** `me`: only the messages assigned to the staff member asking. */
  assigned: Type.Optional(Type.Literal('me')),
  before: Type.Optional(Type.String({ maxLength: 30 })),
})

const Person = Type.Object({ id: Type.Integer(), name: Type.String() })

/** The colleague a patient's message is assigned to, or null. */
const Assignee = Type.Object({ assignee: Nullable(Person) })

export const OfficeMessageSummary = Type.Intersect([
  MessageSummary,
  Type.Object({ handled: Type.Boolean() }),
  Assignee,
])

export const OfficeMessageView = Type.Intersect([MessageView, Assignee])

export const AssignBody = Type.Object({ staffId: Nullable(Id) })

export const OfficeBoxView = Type.Object({
  messages: Type.Array(OfficeMessageSummary),
  next: Nullable(Type.String()),
  /** Each inbox with its unread count: the shared office inbox (provider null) first. */
  inboxes: Type.Array(Type.Object({ provider: Nullable(Person), unread: Type.Integer() })),
  /** The practice's active staff, who a message can be assigned to. */
  colleagues: Type.Array(Person),
})

export const Attachment = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  /** The file's bytes, base64; an image or a PDF as the bytes prove. */
  contentBase64: Type.String({ minLength: 1, maxLength: 11_200_000 }),
})

export const OfficeComposeBody = Type.Intersect([
  OfficeCompose,
  Type.Object({ attachments: Type.Optional(Type.Array(Attachment, { maxItems: 3 })) }),
])

export const StateChange = Type.Object({
  unread: Type.Optional(Type.Literal(true)),
  handled: Type.Optional(Type.Boolean()),
})

export const PatientSearchQuery = Type.Object({ q: Type.String({ minLength: 1, maxLength: 100 }) })
export const PatientChoice = Type.Array(
  Type.Object({ id: Type.Integer(), name: Type.String(), birthdate: Nullable(Type.String()) }),
)
