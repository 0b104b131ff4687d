import { Type } from 'typebox'
import { PATIENT_ATTACHMENT_LIMIT_BYTES } from '../../practice/messages/rules.ts'
import { Id, Nullable } from '../../practice/schemas.ts'

const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' })
const Text = (maxLength: number) => Nullable(Type.String({ maxLength }))

export const Features = Type.Object({
  makePayments: Type.Boolean(),
  account: Type.Boolean(),
  webmail: Type.Boolean(),
  careSummary: Type.Boolean(),
  images: Type.Boolean(),
  appointments: Type.Boolean(),
  treatmentPlan: Type.Boolean(),
})

export const PortalSettingsBody = Type.Object({
  features: Features,
  idleTimeoutMinutes: Type.Integer({ minimum: 1, maximum: 720 }),
  verifyPersonalInfo: Type.Boolean(),
  /** Two-step sign-in for patients: offered, or asked of everyone (issue 17). Left out: kept. */
  secondFactorPatients: Type.Optional(
    Type.Union([Type.Literal('optional'), Type.Literal('required')]),
  ),
  /** Two-step sign-in asked of staff administrators. Left out: kept. */
  secondFactorAdmins: Type.Optional(Type.Boolean()),
  privacyPolicy: Type.String({ maxLength: 20_000 }),
  webmailNotificationSubject: Type.String({ minLength: 1, maxLength: 200 }),
  webmailNotificationBody: Type.String({ minLength: 1, maxLength: 2_000 }),
  /** Whether patients may attach images and PDFs to their messages; left out: unchanged. */
  webmailPatientAttachments: Type.Optional(Type.Boolean()),
  /** The largest file a patient may attach, in bytes (64 KB to 10 MB); left out: unchanged. */
  webmailAttachmentMaxBytes: Type.Optional(
    Type.Integer({ minimum: 65_536, maximum: PATIENT_ATTACHMENT_LIMIT_BYTES }),
  ),
  /** The card processor patients pay through (Make payment); left out: unchanged. */
  paymentProcessor: Type.Optional(
    Type.Union([Type.Literal('sandbox'), Type.Literal('stripe'), Type.Null()]),
  ),
  /** The most a patient may pay online at once, in cents; left out: unchanged. */
  paymentMaximumCents: Type.Optional(Type.Integer({ minimum: 100, maximum: 10_000_000 })),
})

export const Hours = Type.Object({
  weekday: Type.Integer({ minimum: 0, maximum: 6 }),
  opens: Time,
  closes: Time,
})

export const ContactBody = Type.Object({
  phone: Text(40),
  email: Nullable(Type.String({ maxLength: 200, format: 'email' })),
  address1: Text(200),
  address2: Text(200),
  city: Text(100),
  region: Text(100),
  postalCode: Text(20),
  /** The organization NPI (Type 2) care summaries identify it by; left out: unchanged. */
  npi: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  hours: Type.Array(Hours, { maxItems: 21 }),
})

export const ContactView = Type.Intersect([
  Type.Object({ id: Type.Union([Type.Integer(), Type.Null()]), name: Type.String() }),
  ContactBody,
])

export const SettingsView = Type.Intersect([
  PortalSettingsBody,
  Type.Object({
    paymentProcessor: Nullable(Type.String()),
    paymentMaximumCents: Type.Integer(),
    webmailPatientAttachments: Type.Boolean(),
    webmailAttachmentMaxBytes: Type.Integer(),
    practice: ContactView,
    clinics: Type.Array(ContactView),
  }),
])

export const ClinicParams = Type.Object({ clinicId: Id })
