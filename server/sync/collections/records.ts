import type { SyncCollection } from '../collection.ts'
import { payments, statements } from './account.ts'
import { clinicalCollections } from './clinical.ts'
import { documents, imageCategories } from './images.ts'
import { treatmentPlans } from './plans.ts'

/**
 * Statements, payments, treatment plans, image categories, documents and the clinical data of
 * the care summary, parents before children (a payment names its statement, a document its
 * category). Each refers to patients (and providers, clinics, appointments), listed before these.
 */
export const recordCollections = [
  statements,
  payments,
  treatmentPlans,
  imageCategories,
  documents,
  ...clinicalCollections,
] as unknown as SyncCollection[]
