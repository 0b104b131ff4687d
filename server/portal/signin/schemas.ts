import { Type } from 'typebox'
import { PORTAL_FEATURES } from '../../platform/auth/access-rules.ts'
import { CalendarDate, NewPasswordTwice } from '../../practice/schemas.ts'

export const FirstSignIn = Type.Object({
  ...NewPasswordTwice,
  /** Offered once: leave out (or send the current one) to keep the user name. */
  newUsername: Type.Optional(Type.String({ maxLength: 100 })),
})

export const ChangePassword = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
  ...NewPasswordTwice,
})

export const ResetRequest = Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }) })

export const ResetCompletion = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  code: Type.String({ minLength: 1, maxLength: 20 }),
  ...NewPasswordTwice,
})

export const PersonalInfo = Type.Object({
  firstName: Type.String({ minLength: 1, maxLength: 100 }),
  lastName: Type.String({ minLength: 1, maxLength: 100 }),
  birthdate: CalendarDate,
})

export const FamilyMember = Type.Object({
  id: Type.Integer(),
  firstName: Type.String(),
  lastName: Type.String(),
  preferredName: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  /** The signed-in user's own record. */
  self: Type.Boolean(),
})

/** What the portal shell needs about the signed-in user; no health information. */
export const PortalSessionView = Type.Object({
  stage: Type.Union([
    Type.Literal('second-factor'),
    Type.Literal('change-password'),
    Type.Literal('verify'),
    Type.Literal('second-factor-setup'),
    Type.Literal('ready'),
  ]),
  username: Type.String(),
  /** First sign-in only, once: the patient may pick a new user name. */
  canChangeUsername: Type.Boolean(),
  /** The user first, then the family members they represent (empty for a plain patient's). */
  family: Type.Array(FamilyMember),
  features: Type.Array(Type.Enum(PORTAL_FEATURES)),
  idleTimeoutMinutes: Type.Integer(),
  /** When the session ends if nothing more happens (ISO instant). */
  expiresAt: Type.String(),
  practiceName: Type.String(),
  privacyPolicy: Type.String(),
})

export const BusinessHours = Type.Object({
  /** 0 = Sunday … 6 = Saturday. */
  weekday: Type.Integer({ minimum: 0, maximum: 6 }),
  opens: Type.String(),
  closes: Type.String(),
})

export const ContactDetails = Type.Object({
  name: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  addressLines: Type.Array(Type.String()),
  timeZone: Type.String(),
  hours: Type.Array(BusinessHours),
})

/** Contact us before sign-in: the practice and each of its locations, the same for everyone. */
export const PublicContact = Type.Object({
  practice: ContactDetails,
  locations: Type.Array(ContactDetails),
})

export const Accepted = Type.Object({ message: Type.String() })

/** What anyone may know of the practice before signing in: no patient data at all. */
/** The practice's privacy policy, as the office wrote it in Portal Settings (plain text). */
export const PublicPrivacyPolicy = Type.Object({ policy: Type.String() })

export const PublicPractice = Type.Object({
  name: Type.String(),
  currency: Type.String(),
  clinics: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  onlinePayments: Type.Boolean(),
})
