import { Type } from 'typebox'

/** Ids in URLs: positive integers, or the request is refused with 400 before any query. */
export const Id = Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991 })

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])

/**
 * ISO calendar date, as birthdates are typed: 1987-04-12. A real one (not 2026-02-30: the
 * `date` format checks the days of the month) from year 1 on, since PostgreSQL has no year 0.
 */
export const CalendarDate = Type.String({
  pattern: '^(?!0000)\\d{4}-\\d{2}-\\d{2}$',
  format: 'date',
  maxLength: 10,
})

export const Credentials = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
})

/** A new password typed twice: every form that sets one (portal and office) sends these. */
export const NewPasswordTwice = {
  newPassword: Type.String({ maxLength: 200 }),
  newPasswordAgain: Type.String({ maxLength: 200 }),
}

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

/**
 * What the browser's WebAuthn call answered (@simplewebauthn/browser's JSON), checked in full by
 * @simplewebauthn/server; here only its outline and sizes.
 */
export const PasskeyResponse = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 1400 }),
  rawId: Type.String({ minLength: 1, maxLength: 1400 }),
  type: Type.Literal('public-key'),
  response: Type.Record(Type.String(), Type.Unknown()),
  clientExtensionResults: Type.Record(Type.String(), Type.Unknown()),
  authenticatorAttachment: Type.Optional(Type.String({ maxLength: 40 })),
})

/** The options the browser hands to navigator.credentials (the server library's JSON). */
export const PasskeyOptions = Type.Unknown()

/** A new passkey, with the name the person gave it ("Maria's phone"). */
export const NewPasskey = Type.Object({
  label: Type.String({ maxLength: 60 }),
  response: PasskeyResponse,
})

export const PasskeyName = Type.Object({ label: Type.String({ minLength: 1, maxLength: 60 }) })

export const PasskeyAnswer = Type.Object({
  response: PasskeyResponse,
  remember: Type.Optional(Type.Boolean()),
})

export const PasskeyAdded = Type.Object({
  id: Type.Integer(),
  /** The first factor's recovery codes, shown once; empty when the person has them already. */
  codes: Type.Array(Type.String()),
})

export const PasskeyIdParams = Type.Object({ passkeyId: Id })
