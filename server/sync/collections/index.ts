import type { SyncCollection } from '../collection.ts'
import { appointments } from './appointments.ts'
import { clinics } from './clinics.ts'
import { messages } from './messages.ts'
import { patients } from './patients.ts'
import { providers } from './providers.ts'
import { recalls, recallTypes, webSchedOpenTimes } from './recalls.ts'
import { recordCollections } from './records.ts'

/**
 * Every collection of the sync API, parents before children: a collection's example refers only
 * to collections listed before it, so loading the examples in this order resolves every reference.
 */
export const syncCollections = [
  clinics,
  providers,
  patients,
  recallTypes,
  appointments,
  recalls,
  webSchedOpenTimes,
  ...recordCollections,
  // After documents: a message attaches documents already sent.
  messages,
] as unknown as SyncCollection[]

export function findCollection(name: string): SyncCollection | undefined {
  return syncCollections.find((collection) => collection.name === name)
}
