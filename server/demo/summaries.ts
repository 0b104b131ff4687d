import { importCodeSubset, importCvx } from '../office/code-systems/import.ts'
import type { Code } from '../office/code-systems/rules.ts'
import { findAccessiblePatientIds } from '../platform/auth/portal-guard.ts'
import type { Database } from '../platform/db/database.ts'
import type { FileStorage } from '../platform/files/storage.ts'
import { createCareSummary } from '../portal/summary/create.ts'
import { CONDITIONS, ENCOUNTER_TYPES, REACTIONS, SMOKING_STATUSES } from './catalog.ts'

export const DEMO_SNOMED_VERSION = 'demo subset'

/**
 * The few SNOMED CT concepts the demo's records use, with our own display words: facts about
 * well-known codes, not a copy of the licensed release.
 */
export function demoSnomedCodes(): Code[] {
  const codes = new Map<string, string>()
  for (const condition of Object.values(CONDITIONS))
    codes.set(condition.snomed, condition.description)
  for (const reaction of Object.values(REACTIONS)) codes.set(reaction.snomed, reaction.name)
  for (const status of Object.values(SMOKING_STATUSES)) codes.set(status.snomed, status.description)
  for (const type of Object.values(ENCOUNTER_TYPES)) codes.set(type.code, type.description)
  return [...codes].map(([code, display]) => ({ code, display }))
}

/**
 * Makes the demo practice ready for care summaries: the shipped CVX list and the demo's SNOMED
 * CT subset recorded as the practice's imports (by its administrator), then one current
 * summary for each Garcia, so the Summary tab has something to show from the first sign-in.
 */
export async function prepareDemoSummaries(
  db: Database,
  files: FileStorage,
  demo: { practiceId: number; adminId: number; now: Date },
) {
  const by = { practiceId: demo.practiceId, staffId: demo.adminId, now: demo.now }
  await importCvx(db, by)
  await importCodeSubset(db, {
    ...by,
    system: 'SNOMEDCT',
    codes: demoSnomedCodes(),
    version: DEMO_SNOMED_VERSION,
  })
  const maria = await db
    .selectFrom('portal_users')
    .select('patient_id')
    .where('practice_id', '=', demo.practiceId)
    .where('username', '=', 'maria.garcia')
    .executeTakeFirst()
  if (!maria) return 0
  const family = await findAccessiblePatientIds(db, demo.practiceId, maria.patient_id)
  for (const patientId of family) {
    await createCareSummary(db, files, {
      practiceId: demo.practiceId,
      patientId,
      reason: 'on_demand',
      now: demo.now,
    })
  }
  return family.length
}
