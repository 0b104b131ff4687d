import type { FastifyRequest } from 'fastify'
import type { Database } from '../db/database.ts'
import { practiceRow } from '../db/rows.ts'
import type { StaffRole } from '../db/schema.ts'
import { perRequest } from '../http/per-request.ts'
import { Forbidden, Problem, Unauthorized } from '../http/problems.ts'
import { sessionToken } from './cookies.ts'
import { type ActiveSession, resumeSession } from './sessions.ts'

export interface OfficeContext {
  session: ActiveSession
  staff: StaffMember
}

export type StaffMember = NonNullable<Awaited<ReturnType<typeof findActiveStaff>>>

/** A session opened by a password alone while a second factor is owed (issue 17). */
export class SecondFactorOwed extends Problem {
  constructor() {
    super(403, 'second-factor-required', 'Sign-in not finished', 'Finish two-step sign-in first.')
  }
}

const contexts = perRequest<OfficeContext | null>('office context')

/** A staff member signed in with a one-time password must choose their own before anything else. */
export class PasswordChangeRequired extends Problem {
  constructor() {
    super(
      403,
      'password-change-required',
      'Password change required',
      'Choose your own password first: the one you signed in with works only once.',
    )
  }
}

/**
 * The office console's guard: which staff member is signed in, and whether their role may do an
 * action. What each role may do is the practice's table (`practice/staff-permissions.ts`), given
 * here as `may` because platform imports no feature.
 */
export function createOfficeGuard<Action extends string>(
  db: Database,
  may: (role: StaffRole, action: Action) => boolean,
) {
  async function context(request: FastifyRequest): Promise<OfficeContext | null> {
    const known = contexts.get(request)
    if (known !== undefined) return known
    const token = sessionToken(request, 'office')
    const resolved = token ? await officeContextFromToken(db, token) : null
    contexts.set(request, resolved)
    return resolved
  }

  return {
    context,
    /** A staff session, even one still owing its second factor (the code step, "who am I"). */
    async signingIn(request: FastifyRequest) {
      const found = await context(request)
      if (!found) throw new Unauthorized('Your session has ended. Please sign in again.')
      return found
    },
    /**
     * The signed-in staff member, refused unless their role may do `action` (default: any), while
     * a second factor is owed, and until they have replaced a one-time password (unless
     * `allowTemporaryPassword`: the password change itself).
     */
    async staff(
      request: FastifyRequest,
      action?: Action,
      options: { allowTemporaryPassword?: boolean } = {},
    ) {
      const found = await context(request)
      if (!found) throw new Unauthorized('Your session has ended. Please sign in again.')
      if (found.session.second_factor_step !== 'none') throw new SecondFactorOwed()
      if (found.staff.password_is_temporary && !options.allowTemporaryPassword) {
        throw new PasswordChangeRequired()
      }
      if (action !== undefined && !may(found.staff.role, action)) {
        throw new Forbidden('Your role does not allow this. Ask the practice administrator.')
      }
      return found
    },
  }
}

export type OfficeGuard<Action extends string = string> = ReturnType<
  typeof createOfficeGuard<Action>
>

export async function officeContextFromToken(db: Database, token: string) {
  const session = await resumeSession(db, token)
  if (!session?.staff_user_id) return null
  const staff = await findActiveStaff(db, session.staff_user_id, session.practice_id)
  return staff ? { session, staff } : null
}

export async function findActiveStaff(db: Database, staffUserId: number, practiceId: number) {
  return practiceRow(db, 'staff_users', practiceId, staffUserId)
    .select(['id', 'practice_id', 'username', 'display_name', 'role', 'password_is_temporary'])
    .where('is_active', '=', true)
    .executeTakeFirst()
}
