import { Type } from 'typebox'
import { Id, Nullable } from '../schemas.ts'
import { MAX_BODY_LENGTH, MAX_PATIENT_ATTACHMENTS, MAX_SUBJECT_LENGTH } from './rules.ts'

export const BoxName = Type.Union([Type.Literal('inbox'), Type.Literal('sent')])

/** A page of a box: `before` is the `next` of the page above (opaque). */
export const BoxQuery = Type.Object({
  box: Type.Optional(BoxName),
  before: Type.Optional(Type.String({ maxLength: 30 })),
})

export const MessageParams = Type.Object({ messageId: Id })
export const AttachmentParams = Type.Object({ messageId: Id, attachmentId: Id })

const Person = Type.Object({ id: Type.Integer(), name: Type.String() })

export const AttachmentView = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
})

/** One line of a box: who, what about, when, read or not; no body. */
export const MessageSummary = Type.Object({
  id: Type.Integer(),
  direction: Type.Union([Type.Literal('ToPractice'), Type.Literal('ToPatient')]),
  kind: Type.Union([Type.Literal('WebMail'), Type.Literal('SecureEmail')]),
  subject: Type.String(),
  sentAt: Type.String({ description: 'ISO instant' }),
  /** "Regarding patient". */
  patient: Person,
  /** The provider it is to or from; null for the office as a whole. */
  provider: Nullable(Person),
  /** Who wrote it: a family member's name, or the staff member's. */
  from: Type.String(),
  /** Unread by the side reading the box. */
  unread: Type.Boolean(),
  attachmentCount: Type.Integer(),
  inReplyToId: Nullable(Type.Integer()),
})

export const MessageView = Type.Intersect([
  MessageSummary,
  Type.Object({
    body: Type.String(),
    attachments: Type.Array(AttachmentView),
    readByPatientAt: Nullable(Type.String()),
    readByPracticeAt: Nullable(Type.String()),
    handledAt: Nullable(Type.String()),
  }),
])

export const BoxView = Type.Object({
  messages: Type.Array(MessageSummary),
  /** The `before` of the next page, or null on the last one. */
  next: Nullable(Type.String()),
  /** Unread messages in the reader's inbox, all pages. */
  unread: Type.Integer(),
})

const Subject = Type.String({ minLength: 1, maxLength: MAX_SUBJECT_LENGTH })
const Body = Type.String({ minLength: 1, maxLength: MAX_BODY_LENGTH })

/** A file a message carries: its name and its bytes in base64 (their type is proven from them). */
export const SentFile = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 255 }),
  contentBase64: Type.String({ pattern: '^[A-Za-z0-9+/]*={0,2}$' }),
})

/**
 * A patient's new message or reply. `providerId` null: to the office. Attachments only when the
 * practice allows them in Portal Settings (images and PDFs, within its size limit).
 */
export const PatientCompose = Type.Object({
  regardingPatientId: Id,
  providerId: Nullable(Id),
  subject: Subject,
  body: Body,
  inReplyToId: Type.Optional(Id),
  attachments: Type.Optional(Type.Array(SentFile, { maxItems: MAX_PATIENT_ATTACHMENTS })),
})

/** The office's new message or reply to a patient, regarding a family member they represent. */
export const OfficeCompose = Type.Object({
  patientId: Id,
  providerId: Nullable(Id),
  subject: Subject,
  body: Body,
  inReplyToId: Type.Optional(Id),
})

export const UnreadView = Type.Object({ unread: Type.Integer() })
