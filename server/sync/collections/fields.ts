import { type TProperties, type TSchema, Type } from 'typebox'
import { CalendarDate } from '../../practice/schemas.ts'

/**
 * Field types the collections share, so every collection spells a date, a reference or a phone
 * number the same way in its schema and in the OpenAPI document.
 */

/** The PMS's own key of a row: in the URL and in references. Printable ASCII, no slash. */
export const EXTERNAL_ID_PATTERN = '^[A-Za-z0-9._:~-]{1,64}$'
export const ExternalId = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: EXTERNAL_ID_PATTERN,
  description: "The PMS's own id of the row (letters, digits and . _ : ~ -), 1–64 characters.",
})

/** Another collection's row named by its external id. */
export const RefTo = (collection: string) =>
  Type.String({
    minLength: 1,
    maxLength: 64,
    pattern: EXTERNAL_ID_PATTERN,
    description: `externalId of a row in ${collection}`,
  })

export const Text = (maxLength = 200) => Type.String({ minLength: 1, maxLength })
export const FreeText = (maxLength = 4000) => Type.String({ maxLength })
export const Day = CalendarDate
export const Instant = Type.String({
  format: 'date-time',
  maxLength: 40,
  description: 'ISO 8601 instant with offset',
})
export const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' })
export const Cents = Type.Integer({ minimum: -1_000_000_000_00, maximum: 1_000_000_000_00 })
export const Minutes = Type.Integer({ minimum: 1, maximum: 24 * 60 })

/**
 * A row as the PMS sends it: only the fields its collection declares (a misspelt field is refused,
 * not dropped), named by `$id` in the OpenAPI document.
 */
export const SyncRecord = <P extends TProperties>($id: string, properties: P) =>
  Type.Object(properties, { additionalProperties: false, $id })

/** Left out or null: the column's default (usually empty). PUT replaces the whole row. */
export const Opt = <T extends TSchema>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]))

/** A postal address, as clinics and patients carry it. */
export const ADDRESS_FIELDS = {
  address1: Opt(Text()),
  address2: Opt(Text()),
  city: Opt(Text(100)),
  region: Opt(Text(100)),
  postalCode: Opt(Text(20)),
  country: Opt(Country),
}
export const ADDRESS_COLUMNS = {
  address1: 'address1',
  address2: 'address2',
  city: 'city',
  region: 'region',
  postalCode: 'postal_code',
  country: 'country',
} as const
