import { Type } from 'typebox'

export {
  AttachmentParams,
  BoxQuery,
  BoxView,
  MessageParams,
  MessageSummary,
  MessageView,
  PatientCompose,
  UnreadView,
} from '../../practice/messages/schemas.ts'

const Person = Type.Object({ id: Type.Integer(), name: Type.String() })

/** Whom the family can write to, and about whom (the guard's family: self and represented). */
export const RecipientsView = Type.Object({
  providers: Type.Array(Person),
  regarding: Type.Array(Person),
  /** The practice's name, for the "To: the office" choice. */
  office: Type.String(),
  /** Whether the practice lets patients attach images and PDFs (Portal Settings). */
  attachmentsAllowed: Type.Boolean(),
  /** The largest file a patient may attach, in bytes; 0 when attachments are not allowed. */
  attachmentMaxBytes: Type.Integer(),
})
