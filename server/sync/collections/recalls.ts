import { type Static, Type } from 'typebox'
import { tableCollection } from '../table-collection.ts'
import { Day, Instant, Minutes, Opt, RefTo, SyncRecord, Text } from './fields.ts'
import { refuseWhileUsed } from './mentions.ts'

export const SyncRecallType = SyncRecord('SyncRecallType', {
  description: Text(100),
  intervalMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
  lengthMinutes: Type.Optional(Minutes),
  procedureCodes: Opt(
    Type.String({
      pattern: '^([A-Za-z0-9.-]{1,20}(,[A-Za-z0-9.-]{1,20})*)?$',
      maxLength: 400,
      description: 'Comma-separated procedure codes, e.g. D0120,D1110',
    }),
  ),
})

/** Deleted only once no recall or Web Sched time uses it. */
export const recallTypes = tableCollection({
  name: 'recall-types',
  table: 'recall_types',
  schema: SyncRecallType,
  example: {
    description: 'Prophy',
    intervalMonths: 6,
    lengthMinutes: 60,
    procedureCodes: 'D0120,D1110',
  },
  columns: ['description', 'intervalMonths', 'lengthMinutes', 'procedureCodes'],
  beforeRemove: (ctx, id) =>
    refuseWhileUsed(
      ctx,
      'recall type',
      [
        { table: 'recalls', column: 'recall_type_id', label: 'recall(s)' },
        { table: 'web_sched_open_times', column: 'recall_type_id', label: 'Web Sched time(s)' },
      ],
      id,
    ),
})

const RECALL_STATUSES = ['Due', 'Invited', 'Scheduled', 'Dismissed'] as const

export const SyncRecall = SyncRecord('SyncRecall', {
  patientExternalId: RefTo('patients'),
  recallTypeExternalId: RefTo('recall-types'),
  dateDue: Day,
  datePrevious: Opt(Day),
  status: Type.Enum(RECALL_STATUSES),
  invitedAt: Opt(Instant),
  /** Whether the patient may book it online (Web Sched Recall). */
  webSchedEnabled: Type.Optional(Type.Boolean()),
  scheduledAppointmentExternalId: Opt(RefTo('appointments')),
})
export type SyncRecall = Static<typeof SyncRecall>

export const recalls = tableCollection({
  name: 'recalls',
  table: 'recalls',
  schema: SyncRecall,
  example: {
    patientExternalId: 'example',
    recallTypeExternalId: 'example',
    dateDue: '2030-06-01',
    datePrevious: '2029-12-01',
    status: 'Due',
    webSchedEnabled: true,
  },
  columns: ['dateDue', 'datePrevious', 'status', 'invitedAt', 'webSchedEnabled'],
  references: {
    patientExternalId: ['patients', 'patient_id'],
    recallTypeExternalId: ['recall-types', 'recall_type_id'],
    scheduledAppointmentExternalId: ['appointments', 'scheduled_appointment_id'],
  },
})

export const SyncWebSchedOpenTime = SyncRecord('SyncWebSchedOpenTime', {
  clinicExternalId: RefTo('clinics'),
  providerExternalId: RefTo('providers'),
  /** The kind of recall the time is offered for (the portal offers times by recall type). */
  recallTypeExternalId: RefTo('recall-types'),
  startsAt: Instant,
  lengthMinutes: Minutes,
})

/**
 * Times the practice offers for online recall booking. Whether one is booked is the portal's
 * (it is set when a patient books, and reported in the event feed), so an upsert leaves it.
 */
export const webSchedOpenTimes = tableCollection({
  name: 'web-sched-open-times',
  table: 'web_sched_open_times',
  schema: SyncWebSchedOpenTime,
  example: {
    clinicExternalId: 'example',
    providerExternalId: 'example',
    recallTypeExternalId: 'example',
    startsAt: '2030-06-03T13:00:00.000Z',
    lengthMinutes: 60,
  },
  columns: ['startsAt', 'lengthMinutes'],
  references: {
    clinicExternalId: ['clinics', 'clinic_id'],
    providerExternalId: ['providers', 'provider_id'],
    recallTypeExternalId: ['recall-types', 'recall_type_id'],
  },
})
