import type { PortalGuard } from '../platform/auth/portal-guard.ts'
import type { Database } from '../platform/db/database.ts'
import type { ReadCache } from '../platform/db/read-cache.ts'

/** What the routes of a tab served through the kept reads are given (serve-tab.ts). */
export interface TabRouteOptions {
  db: Database
  guard: PortalGuard
  reads: ReadCache
}
