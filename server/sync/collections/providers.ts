import { type Static, Type } from 'typebox'
import { tableCollection } from '../table-collection.ts'
import { Opt, RefTo, SyncRecord, Text } from './fields.ts'
import { withdrawOpenTimes } from './mentions.ts'

export const SyncProvider = SyncRecord('SyncProvider', {
  firstName: Text(100),
  lastName: Text(100),
  suffix: Opt(Text(20)),
  abbreviation: Opt(Text(40)),
  specialty: Opt(Text(100)),
  isHygienist: Type.Optional(Type.Boolean()),
  npi: Opt(Type.String({ pattern: '^\\d{10}$' })),
  clinicExternalId: Opt(RefTo('clinics')),
})
export type SyncProvider = Static<typeof SyncProvider>

/** Deleted providers are hidden: past visits still name who saw the patient. */
export const providers = tableCollection({
  name: 'providers',
  table: 'providers',
  schema: SyncProvider,
  example: {
    firstName: 'Jordan',
    lastName: 'Example',
    suffix: 'DDS',
    abbreviation: 'DOC1',
    specialty: 'General dentistry',
    isHygienist: false,
    clinicExternalId: 'example',
  },
  columns: ['firstName', 'lastName', 'suffix', 'abbreviation', 'specialty', 'isHygienist', 'npi'],
  references: { clinicExternalId: ['clinics', 'clinic_id'] },
  hiddenColumn: 'is_hidden',
  beforeRemove: (ctx, id) => withdrawOpenTimes(ctx, 'provider_id', id),
})
