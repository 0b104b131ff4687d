import { Type } from 'typebox'
import { PortalSessionView } from '../signin/schemas.ts'

export {
  AppEnrollment,
  RecoveryCodes,
  SecondFactorAnswer,
  TypedCode,
} from '../../practice/schemas.ts'

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

/** Where a sign-in or a session came from: its address and, where known, that address's country. */
const WHERE_FROM = {
  ip: Type.Union([Type.String(), Type.Null()]),
  /** The country the address is registered in (ISO 3166), where it is known: roughly where. */
  country: Type.Union([Type.String(), Type.Null()]),
}

export const SignInView = Type.Object({
  at: Type.String(),
  action: Type.String(),
  outcome: Type.String(),
  ...WHERE_FROM,
})

export const SessionView = Type.Object({
  id: Type.Integer(),
  startedAt: Type.String(),
  lastSeenAt: Type.String(),
  ...WHERE_FROM,
  /** Chrome, Edge, Firefox or Safari; null for another or none said. */
  browser: Type.Union([Type.String(), Type.Null()]),
  /** Android, iOS, Windows, macOS or Linux; null where unknown. */
  system: Type.Union([Type.String(), Type.Null()]),
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
