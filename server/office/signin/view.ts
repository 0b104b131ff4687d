import type { Static } from 'typebox'
import type { StaffMember } from '../../platform/auth/office-guard.ts'
import type { StaffSessionView } from './schemas.ts'

/** Who is signed in to the console, as its header and pages need them. */
export function presentStaffSession(
  { username, display_name, role, password_is_temporary }: StaffMember,
  practiceName: string,
  secondFactorStep = 'none',
): Static<typeof StaffSessionView> {
  const secondFactor =
    secondFactorStep === 'answer' || secondFactorStep === 'enroll' ? secondFactorStep : 'none'
  return {
    username,
    displayName: display_name,
    role,
    practiceName,
    mustChangePassword: password_is_temporary,
    secondFactor,
  }
}
