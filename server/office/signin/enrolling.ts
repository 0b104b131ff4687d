import type { FastifyRequest } from 'fastify'
import { SecondFactorOwed } from '../../platform/auth/office-guard.ts'
import type { StaffGuard } from '../../practice/staff-permissions.ts'

/**
 * A signed-in staff member adding a factor (an app or a passkey), also one the policy asks to add
 * one before going on; one still owing the code step is refused.
 */
export async function enrollingStaff(guard: StaffGuard, request: FastifyRequest) {
  const context = await guard.signingIn(request)
  if (context.session.second_factor_step === 'answer') throw new SecondFactorOwed()
  const owner = { kind: 'office', staffUserId: context.staff.id } as const
  return { context, owner, factorOwner: { owner, practiceId: context.staff.practice_id } }
}
