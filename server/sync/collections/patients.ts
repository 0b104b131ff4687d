import { sql } from 'kysely'
import { type Static, Type } from 'typebox'
import { Problem } from '../../platform/http/problems.ts'
import { tableCollection } from '../table-collection.ts'
import { ADDRESS_COLUMNS, ADDRESS_FIELDS, Day, Opt, RefTo, SyncRecord, Text } from './fields.ts'
import { forgetAppointmentsOf, refuseWhileUsed } from './mentions.ts'
import { queuePatientFilesRemoval } from './patient-files.ts'

const STATUSES = [
  'Patient',
  'NonPatient',
  'Inactive',
  'Archived',
  'Deceased',
  'Prospective',
] as const

export const SyncPatient = SyncRecord('SyncPatient', {
  firstName: Text(100),
  middleName: Opt(Text(100)),
  lastName: Text(100),
  preferredName: Opt(Text(100)),
  birthdate: Day,
  status: Type.Enum(STATUSES),
  birthSex: Opt(Type.Enum(['F', 'M', 'U'])),
  email: Opt(Type.String({ format: 'email', maxLength: 254 })),
  phoneHome: Opt(Text(40)),
  phoneWireless: Opt(Text(40)),
  phoneWork: Opt(Text(40)),
  ...ADDRESS_FIELDS,
  language: Opt(Text(40)),
  /** The family head whose account gets statements; the head names themself. */
  guarantorExternalId: Opt(RefTo('patients')),
  relationshipToGuarantor: Opt(Text(40)),
  clinicExternalId: Opt(RefTo('clinics')),
  primaryProviderExternalId: Opt(RefTo('providers')),
  representatives: Type.Optional(
    Type.Array(
      Type.Object(
        {
          patientExternalId: RefTo('patients'),
          relationship: Opt(Text(40)),
        },
        { additionalProperties: false },
      ),
      {
        maxItems: 50,
        description:
          'Patients who may see and act for this one in the portal (parent, guardian, guarantor).',
      },
    ),
  ),
})
export type SyncPatient = Static<typeof SyncPatient>

export const patients = tableCollection({
  name: 'patients',
  table: 'patients',
  schema: SyncPatient,
  example: {
    firstName: 'Avery',
    lastName: 'Example',
    birthdate: '1985-05-20',
    status: 'Patient',
    email: 'avery@example.test',
    phoneWireless: '519-555-0142',
    address1: '12 Elm St',
    city: 'Guelph',
    region: 'ON',
    postalCode: 'N1H 2B2',
    country: 'CA',
    guarantorExternalId: 'example',
    clinicExternalId: 'example',
    primaryProviderExternalId: 'example',
    representatives: [],
  },
  columns: {
    firstName: 'first_name',
    middleName: 'middle_name',
    lastName: 'last_name',
    preferredName: 'preferred_name',
    birthdate: 'birthdate',
    status: 'status',
    birthSex: 'birth_sex',
    email: 'email',
    phoneHome: 'phone_home',
    phoneWireless: 'phone_wireless',
    phoneWork: 'phone_work',
    ...ADDRESS_COLUMNS,
    language: 'language',
    relationshipToGuarantor: 'relationship_to_guarantor',
  },
  references: {
    guarantorExternalId: ['patients', 'guarantor_id'],
    clinicExternalId: ['clinics', 'clinic_id'],
    primaryProviderExternalId: ['providers', 'primary_provider_id'],
  },
  children: [
    {
      field: 'representatives',
      table: 'patient_representatives',
      parentColumn: 'patient_id',
      columns: ['relationship'],
      references: { patientExternalId: ['patients', 'representative_id'] },
      defaults: { relationship: 'Guarantor' },
    },
  ],
  touch: ['updated_at'],
  async prepare(_ctx, externalId, body) {
    const seen = new Set<string>()
    for (const [index, { patientExternalId }] of (body.representatives ?? []).entries()) {
      const field = `representatives/${index}/patientExternalId`
      if (patientExternalId === externalId) {
        throw new Problem(
          422,
          'invalid-reference',
          'Invalid reference',
          'A patient cannot represent themself.',
          {
            [field]: 'names the patient themself',
          },
        )
      }
      if (seen.has(patientExternalId)) {
        throw new Problem(
          422,
          'invalid-reference',
          'Invalid reference',
          'A representative is listed twice.',
          {
            [field]: 'is listed twice',
          },
        )
      }
      seen.add(patientExternalId)
    }
    return body
  },
  async beforeRemove(ctx, id) {
    // Family members still billed to this guarantor would point at nothing: the PMS moves them.
    await refuseWhileUsed(
      ctx,
      'patient',
      [
        {
          table: 'patients',
          column: 'guarantor_id',
          label: 'family member(s) as guarantor',
          except: id,
        },
      ],
      id,
    )
    // The delete cascades to the patient's appointments, recalls, statements, plans, documents,
    // clinical rows, representative links and portal sign-in: nothing of theirs stays visible.
    // What merely mentions their appointments loses the mention.
    await forgetAppointmentsOf(ctx, sql`patient_id = ${id}`)
    // Their stored files (statement PDFs, images, care summaries) go once the delete commits.
    await queuePatientFilesRemoval(ctx, id)
  },
})
