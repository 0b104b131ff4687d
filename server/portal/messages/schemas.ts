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
  attachmentsAllowed: Type.Boolean(),
})
