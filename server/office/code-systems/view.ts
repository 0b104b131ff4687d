import type { Static } from 'typebox'
import { CODE_SYSTEMS, summariesReady } from '../../practice/rules.ts'
import type { ImportResult } from './import.ts'
import type { latestImports } from './queries.ts'
import { CODE_SYSTEM_LABELS } from './rules.ts'
import type { CodeSystemsView, ImportResultView } from './schemas.ts'

type LatestImports = Awaited<ReturnType<typeof latestImports>>

/** Each code system with its latest import (or none), and whether summaries can be made. */
export function presentCodeSystems(latest: LatestImports): Static<typeof CodeSystemsView> {
  return {
    ready: summariesReady([...latest.keys()]),
    systems: CODE_SYSTEMS.map((system) => {
      const row = latest.get(system)
      return {
        system,
        label: CODE_SYSTEM_LABELS[system],
        latest: row
          ? {
              version: row.version,
              codeCount: row.code_count,
              importedAt: row.imported_at.toISOString(),
              importedBy: row.staff_name ?? null,
            }
          : null,
      }
    }),
  }
}

export function presentImport(result: ImportResult): Static<typeof ImportResultView> {
  return {
    system: result.system,
    version: result.version,
    codeCount: result.codeCount,
    importedAt: result.importedAt.toISOString(),
  }
}
