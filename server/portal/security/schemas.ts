import { Type } from 'typebox'
import { PortalSessionView } from '../signin/schemas.ts'

/** A code typed at sign-in: six digits from the app, or a recovery code. */
export const SecondFactorAnswer = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 20 }),
  /** "Remember this browser for 30 days". */
  remember: Type.Optional(Type.Boolean()),
})

export const TypedCode = Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }) })

/** Adding an authenticator app: the key once, as a QR code (SVG) and as text to type. */
export const AppEnrollment = Type.Object({
  key: Type.String(),
  uri: Type.String(),
  qrSvg: Type.String(),
})

export const RecoveryCodes = Type.Object({
  /** Shown once: only their hashes are kept. */
  codes: Type.Array(Type.String()),
})

export const AppConfirmed = Type.Object({
  codes: Type.Array(Type.String()),
  session: PortalSessionView,
})

export const SecondFactorView = Type.Object({
  id: Type.Integer(),
  kind: Type.Union([Type.Literal('totp'), Type.Literal('passkey')]),
  label: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
})

export const SignInView = Type.Object({
  at: Type.String(),
  action: Type.String(),
  outcome: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()]),
})

export const SessionView = Type.Object({
  id: Type.Integer(),
  startedAt: Type.String(),
  lastSeenAt: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()]),
  browser: Type.String(),
  current: Type.Boolean(),
})

export const RecordViewView = Type.Object({
  at: Type.String(),
  viewer: Type.String(),
  patient: Type.String(),
  action: Type.String(),
})

/** The Security page: the second factors, recent sign-ins, open sessions, who viewed records. */
export const SecurityView = Type.Object({
  factors: Type.Array(SecondFactorView),
  recoveryCodesLeft: Type.Integer(),
  required: Type.Boolean(),
  signIns: Type.Array(SignInView),
  sessions: Type.Array(SessionView),
  recordViews: Type.Array(RecordViewView),
})
