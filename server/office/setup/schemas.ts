import { Type } from 'typebox'
import { ContactBody } from '../settings/schemas.ts'

/** A clinic: where patients come, with the phone they call and the hours it is open. */
export const SetupLocation = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  ...ContactBody.properties,
})

export const SetupPracticeFields = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  /** IANA time zone, e.g. `America/Toronto`. */
  timeZone: Type.String({ minLength: 1, maxLength: 64 }),
  /** ISO 3166-1 alpha-2, e.g. `CA`. */
  country: Type.String({ minLength: 2, maxLength: 2 }),
  /** ISO 4217, e.g. `CAD`. */
  currency: Type.String({ minLength: 3, maxLength: 3 }),
})

export const FirstAdministrator = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  displayName: Type.String({ minLength: 1, maxLength: 200 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
})

export const SetupBody = Type.Object({
  /** From the setup link's fragment (`/office/setup#token=…`), so it never sits in a URL a server logs. */
  token: Type.String({ minLength: 1, maxLength: 100 }),
  practice: SetupPracticeFields,
  locations: Type.Array(SetupLocation, { minItems: 1, maxItems: 50 }),
  admin: FirstAdministrator,
})

export const SetupStatus = Type.Object({
  /** True while no practice exists: the setup page is offered instead of sign-in. */
  needed: Type.Boolean(),
})

export const SetupDone = Type.Object({
  practiceName: Type.String(),
  username: Type.String(),
})
