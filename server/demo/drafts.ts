import type { Insertable } from 'kysely'
import type { DB } from '../platform/db/schema.ts'
import type { StatementContent, StoredFile } from './files.ts'

/**
 * Rows as the generator writes them, before the database hands out ids: links between rows go
 * through external ids (the PMS keys), which batch.ts resolves to ids as it inserts.
 */
type Row<T extends keyof DB> = Insertable<DB[T]>
type OfPatient<T extends keyof DB, Linked extends string = never> = Omit<
  Row<T>,
  'practice_id' | 'patient_id' | Linked
> & { patient: string }

export type PatientDraft = Omit<Row<'patients'>, 'practice_id' | 'guarantor_id'> & {
  external_id: string
  /** External id of the family's guarantor; the guarantor's own equals its external_id. */
  guarantor: string
}

export interface RepresentativeDraft {
  external_id: string
  representative: string
  patient: string
  relationship: string
}

export type PortalUserDraft = OfPatient<'portal_users'>

export type AppointmentDraft = OfPatient<'appointments', 'confirmed_by_portal_user_id'> & {
  external_id: string
  /** Patient whose portal user confirmed it. */
  confirmedBy?: string
}

export type AppointmentProcedureDraft = Omit<
  Row<'appointment_procedures'>,
  'practice_id' | 'appointment_id'
> & { appointment: string }

export type RecallDraft = OfPatient<'recalls', 'scheduled_appointment_id'> & {
  scheduledAppointment?: string
}

export type StatementDraft = OfPatient<'statements', 'pdf_storage_key'> & {
  external_id: string
  /** What to print on the family's own PDF; null shares the sample statement. */
  pdf: StatementContent | null
}

export type PaymentDraft = OfPatient<'payments', 'statement_id'> & { statement?: string }

export type PlanRowDraft = Omit<Row<'treatment_plan_rows'>, 'practice_id' | 'treatment_plan_id'>

export type PlanDraft = OfPatient<'treatment_plans'> & { external_id: string; rows: PlanRowDraft[] }

export type MessageDraft = OfPatient<'messages', 'sender_portal_user_id' | 'in_reply_to_id'> & {
  external_id: string
  /** Patient whose portal user wrote it (patients write only through the portal). */
  senderPortalUser?: string
  inReplyTo?: string
  attachments: StoredFile[]
}

export type DocumentDraft = OfPatient<'documents'>
export type ClinicalProcedureDraft = OfPatient<'clinical_procedures', 'appointment_id'> & {
  appointment?: string
}
export type EncounterDraft = OfPatient<'encounters', 'appointment_id'> & { appointment?: string }

/** Every row of a run of families, written together by batch.ts. */
export class FamilyDrafts {
  patients: PatientDraft[] = []
  representatives: RepresentativeDraft[] = []
  portalUsers: PortalUserDraft[] = []
  appointments: AppointmentDraft[] = []
  appointmentProcedures: AppointmentProcedureDraft[] = []
  recalls: RecallDraft[] = []
  statements: StatementDraft[] = []
  payments: PaymentDraft[] = []
  plans: PlanDraft[] = []
  messages: MessageDraft[] = []
  documents: DocumentDraft[] = []
  clinicalProcedures: ClinicalProcedureDraft[] = []
  encounters: EncounterDraft[] = []
  problems: OfPatient<'problems'>[] = []
  medications: OfPatient<'medications'>[] = []
  allergies: OfPatient<'allergies'>[] = []
  immunizations: OfPatient<'immunizations'>[] = []
  vitalSigns: OfPatient<'vital_signs'>[] = []
  labResults: OfPatient<'lab_results'>[] = []
  smokingStatuses: OfPatient<'smoking_statuses'>[] = []
}
