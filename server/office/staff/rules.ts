import type { StaffRole } from '../../platform/db/schema.ts'
import { usernameProblem } from '../../practice/rules.ts'

/** Field errors for a new staff member; empty when they may be created. */
export function newStaffErrors(member: {
  username: string
  displayName: string
}): Record<string, string> {
  const errors: Record<string, string> = {}
  const usernameIssue = usernameProblem(member.username.trim())
  if (usernameIssue) errors.username = usernameIssue
  if (!member.displayName.trim()) errors.displayName = 'Enter the name staff will see.'
  return errors
}

export interface StatusChange {
  actorId: number
  target: { id: number; role: StaffRole; active: boolean }
  active: boolean
  /** Active administrators other than the target, counted under the practice's lock. */
  otherActiveAdmins: number
}

/**
 * Why an account may not be disabled, or undefined. Nobody locks themselves out, and a practice
 * always keeps one administrator who can enable the others again.
 */
export function statusChangeProblem(change: StatusChange): string | undefined {
  if (change.active || !change.target.active) return undefined
  if (change.target.id === change.actorId) return 'You cannot disable your own account.'
  if (change.target.role === 'admin' && change.otherActiveAdmins === 0) {
    return 'This is the last active administrator. Make another administrator first.'
  }
  return undefined
}
