import { type Static, Type } from 'typebox'
import { Invalid } from '../../platform/http/problems.ts'
import { asHourMinute, tableCollection } from '../table-collection.ts'
import { ADDRESS_COLUMNS, ADDRESS_FIELDS, Opt, SyncRecord, Text } from './fields.ts'
import { withdrawOpenTimes } from './mentions.ts'

const HourMinute = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM' })

export const SyncClinic = SyncRecord('SyncClinic', {
  name: Text(),
  abbreviation: Opt(Text(40)),
  phone: Opt(Text(40)),
  email: Opt(Type.String({ format: 'email', maxLength: 254 })),
  npi: Opt(
    Type.String({ pattern: '^\\d{10}$', description: "The clinic's organization NPI (Type 2)." }),
  ),
  ...ADDRESS_FIELDS,
  timeZone: Opt(Text(64)),
  hours: Type.Optional(
    Type.Array(
      Type.Object(
        {
          weekday: Type.Integer({ minimum: 0, maximum: 6, description: '0 = Sunday' }),
          opens: HourMinute,
          closes: HourMinute,
        },
        { additionalProperties: false },
      ),
      { maxItems: 21, description: 'Opening hours; a day may have several spans.' },
    ),
  ),
})
export type SyncClinic = Static<typeof SyncClinic>

/** Deleted clinics are hidden: past visits still name where they happened. */
export const clinics = tableCollection({
  name: 'clinics',
  table: 'clinics',
  schema: SyncClinic,
  example: {
    name: 'Example Dental Downtown',
    phone: '519-555-0100',
    address1: '1 Practice Way',
    city: 'Guelph',
    region: 'ON',
    postalCode: 'N1H 1A1',
    country: 'CA',
    timeZone: 'America/Toronto',
    hours: [
      { weekday: 1, opens: '08:00', closes: '17:00' },
      { weekday: 2, opens: '08:00', closes: '17:00' },
    ],
  },
  columns: {
    name: 'name',
    abbreviation: 'abbreviation',
    phone: 'phone',
    email: 'email',
    npi: 'npi',
    ...ADDRESS_COLUMNS,
    timeZone: 'time_zone',
  },
  children: [
    {
      field: 'hours',
      table: 'business_hours',
      parentColumn: 'clinic_id',
      columns: ['weekday', 'opens', 'closes'],
      readAs: { opens: asHourMinute, closes: asHourMinute },
    },
  ],
  async prepare(_ctx, _externalId, body) {
    for (const [index, span] of (body.hours ?? []).entries()) {
      if (span.opens >= span.closes) {
        throw new Invalid('A clinic closes after it opens.', {
          [`hours/${index}/closes`]: 'must be later than opens',
        })
      }
    }
    return body
  },
  hiddenColumn: 'is_hidden',
  beforeRemove: (ctx, id) => withdrawOpenTimes(ctx, 'clinic_id', id),
})
