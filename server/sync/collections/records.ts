import type { SyncCollection } from '../collection.ts'

/**
 * Statements, payments, treatment plans, image categories, documents and the clinical data of
 * the care summary, parents before children (filled by the sync-collections work).
 */
export const recordCollections: SyncCollection[] = []
