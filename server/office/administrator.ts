import type { FastifyRequest } from 'fastify'
import { clientAddress } from '../platform/auth/client.ts'
import type { OfficeGuard } from '../platform/auth/office-guard.ts'

/** The administrator acting, as the guard found them, and where from (for the audit row). */
export interface StaffActor {
  staffId: number
  practiceId: number
  ip: string
}

/**
 * The signed-in administrator, or 403 for other roles. Used by Staff (`staff.manage`) and Sync
 * API keys (`sync-keys.manage`) until the office permission table names those actions.
 */
export async function administratorActor(
  guard: OfficeGuard,
  request: FastifyRequest,
): Promise<StaffActor> {
  const { staff } = await guard.staff(request, ['admin'])
  return { staffId: staff.id, practiceId: staff.practice_id, ip: clientAddress(request) }
}
