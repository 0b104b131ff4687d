import type { SyncCollection } from '../collection.ts'
import { patients } from './patients.ts'
import { recordCollections } from './records.ts'

/**
 * Every collection of the sync API, parents before children: a collection's example refers only
 * to collections listed before it, so loading the examples in this order resolves every reference.
 */
export const syncCollections: SyncCollection[] = [
  patients as unknown as SyncCollection,
  ...recordCollections,
]

export function findCollection(name: string): SyncCollection | undefined {
  return syncCollections.find((collection) => collection.name === name)
}
