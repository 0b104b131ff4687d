import { sql } from 'kysely'
import { type Static, Type } from 'typebox'
import { Problem } from '../../platform/http/problems.ts'
import type { SyncContext } from '../collection.ts'
import { tableCollection } from '../table-collection.ts'
import { FreeText, Instant, Minutes, Opt, RefTo, SyncRecord, Text } from './fields.ts'
import { forgetAppointmentsOf } from './mentions.ts'

const STATUSES = ['Scheduled', 'Complete', 'UnschedList', 'Broken', 'Planned'] as const
const CONFIRMATIONS = ['Unconfirmed', 'AwaitingConfirmation', 'Confirmed'] as const

const Procedure = Type.Object(
  {
    code: Type.String({
      pattern: '^[A-Za-z0-9.-]{1,20}$',
      description: 'CDT or the practice code',
    }),
    description: Opt(Text()),
    tooth: Opt(Text(10)),
    surface: Opt(Text(10)),
  },
  { additionalProperties: false },
)

export const SyncAppointment = SyncRecord('SyncAppointment', {
  patientExternalId: RefTo('patients'),
  clinicExternalId: Opt(RefTo('clinics')),
  providerExternalId: Opt(RefTo('providers')),
  hygienistExternalId: Opt(RefTo('providers')),
  startsAt: Instant,
  lengthMinutes: Minutes,
  /** Complete makes the visit summary (recent visits only; see migration 0002). */
  status: Type.Enum(STATUSES),
  /** Required: the patient may have confirmed in the portal; the PMS says what it now holds. */
  confirmation: Type.Enum(CONFIRMATIONS),
  procedureDescription: Opt(Text(500)),
  note: Opt(FreeText()),
  isNewPatient: Type.Optional(Type.Boolean()),
  procedures: Type.Optional(
    Type.Array(Procedure, {
      maxItems: 50,
      description:
        "Planned or done procedures; a description left out is the practice's for the code.",
    }),
  ),
})
export type SyncAppointment = Static<typeof SyncAppointment>

/** Fills in left-out procedure descriptions from the practice's procedure codes. */
async function describeProcedures(ctx: SyncContext, body: SyncAppointment) {
  const procedures = body.procedures ?? []
  const missing = [...new Set(procedures.filter((p) => p.description == null).map((p) => p.code))]
  if (missing.length === 0) return body
  const { rows } = await sql<{ code: string; description: string }>`
    select code, description from procedure_codes
    where practice_id = ${ctx.practiceId} and code = any(${missing})`.execute(ctx.db)
  const known = new Map(rows.map((row) => [row.code, row.description]))
  const described = procedures.map((procedure, index) => {
    if (procedure.description != null) return procedure
    const description = known.get(procedure.code)
    if (description === undefined) {
      throw new Problem(
        422,
        'unknown-procedure-code',
        'Unknown procedure code',
        'The practice has no description for a procedure code; send one with the procedure.',
        {
          [`procedures/${index}/description`]: 'is required for a code the practice does not list',
        },
      )
    }
    return { ...procedure, description }
  })
  return { ...body, procedures: described }
}

/**
 * Deleted appointments are deleted (with their procedures); recalls, Web Sched times, charted
 * procedures and visit summaries that mentioned them stay, without the mention.
 */
export const appointments = tableCollection({
  name: 'appointments',
  table: 'appointments',
  schema: SyncAppointment,
  example: {
    patientExternalId: 'example',
    clinicExternalId: 'example',
    providerExternalId: 'example',
    startsAt: '2030-01-15T14:00:00.000Z',
    lengthMinutes: 60,
    status: 'Scheduled',
    confirmation: 'Unconfirmed',
    procedureDescription: 'Cleaning and exam',
    procedures: [
      { code: 'D0120', description: 'Periodic oral evaluation' },
      { code: 'D1110', description: 'Prophylaxis - adult' },
    ],
  },
  columns: [
    'startsAt',
    'lengthMinutes',
    'status',
    'confirmation',
    'procedureDescription',
    'note',
    'isNewPatient',
  ],
  references: {
    patientExternalId: ['patients', 'patient_id'],
    clinicExternalId: ['clinics', 'clinic_id'],
    providerExternalId: ['providers', 'provider_id'],
    hygienistExternalId: ['providers', 'hygienist_id'],
  },
  children: [
    {
      field: 'procedures',
      table: 'appointment_procedures',
      parentColumn: 'appointment_id',
      columns: ['code', 'description', 'tooth', 'surface'],
    },
  ],
  touch: ['updated_at'],
  prepare: (ctx, _externalId, body) => describeProcedures(ctx, body),
  beforeRemove: (ctx, id) => forgetAppointmentsOf(ctx, sql`id = ${id}`),
})
