import { sql } from 'kysely'
import type { Database } from '../platform/db/database.ts'
import { Problem } from '../platform/http/problems.ts'
import type { ExternalRefs } from './collection.ts'

/** The table behind each collection a PMS row can point at, by the collection's URL name. */
export const COLLECTION_TABLES = {
  clinics: 'clinics',
  providers: 'providers',
  patients: 'patients',
  appointments: 'appointments',
  'recall-types': 'recall_types',
  recalls: 'recalls',
  'web-sched-open-times': 'web_sched_open_times',
  statements: 'statements',
  payments: 'payments',
  'treatment-plans': 'treatment_plans',
  'image-categories': 'image_categories',
  documents: 'documents',
  messages: 'messages',
  problems: 'problems',
  medications: 'medications',
  allergies: 'allergies',
  immunizations: 'immunizations',
  'vital-signs': 'vital_signs',
  results: 'lab_results',
  'clinical-procedures': 'clinical_procedures',
  encounters: 'encounters',
  'social-history': 'smoking_statuses',
} as const

export type ReferableCollection = keyof typeof COLLECTION_TABLES

/** A reference the practice cannot resolve: the PMS sent a child before its parent, or a typo. */
export class UnknownReference extends Problem {
  constructor(field: string, collection: string, externalId: string) {
    super(
      422,
      'unknown-reference',
      'Unknown reference',
      `${field} refers to ${collection}/${externalId}, which this practice has not sent (or has deleted).`,
      { [field]: `No ${collection} row has the external id ${JSON.stringify(externalId)}.` },
    )
  }
}

/**
 * Resolves PMS ids within one practice. Run on the batch's transaction, so rows written earlier
 * in the same batch are found.
 */
export function externalRefs(db: Database, practiceId: number): ExternalRefs {
  async function id(collection: string, externalId: string, field: string) {
    const table = COLLECTION_TABLES[collection as ReferableCollection]
    if (!table) throw new Error(`No collection called ${collection}`)
    const row = await sql<{ id: number }>`
      select id from ${sql.table(table)}
      where practice_id = ${practiceId} and external_id = ${externalId}`.execute(db)
    const found = row.rows[0]
    if (!found) throw new UnknownReference(field, collection, externalId)
    return Number(found.id)
  }
  return {
    id,
    async optional(collection, externalId, field) {
      return externalId == null ? null : id(collection, externalId, field)
    },
  }
}
