import type { FastifyRequest } from 'fastify'
import { clientAddress } from '../platform/auth/client.ts'
import type { StaffAction, StaffGuard } from '../practice/staff-permissions.ts'

/** The staff member acting, as the guard found them, and where from (for the audit row). */
export interface StaffActor {
  staffId: number
  practiceId: number
  ip: string
}

/** The signed-in staff member whose role may take `action` (the permissions table), or 403. */
export async function permittedActor(
  guard: StaffGuard,
  request: FastifyRequest,
  action: StaffAction,
): Promise<StaffActor> {
  const { staff } = await guard.staff(request, action)
  return { staffId: staff.id, practiceId: staff.practice_id, ip: clientAddress(request) }
}
