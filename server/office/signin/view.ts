import type { Static } from 'typebox'
import type { StaffMember } from '../../platform/auth/office-guard.ts'
import type { StaffSessionView } from './schemas.ts'

/** Who is signed in to the console, as its header and pages need them. */
export function presentStaffSession(
  staff: StaffMember,
  practiceName: string,
): Static<typeof StaffSessionView> {
  return {
    username: staff.username,
    displayName: staff.display_name,
    role: staff.role,
    practiceName,
  }
}
