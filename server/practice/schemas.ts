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
