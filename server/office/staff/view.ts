import type { StaffMemberRow } from './queries.ts'

/** A staff account as the Staff page shows it: never its password hash. */
export function presentStaffMember(row: StaffMemberRow) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    active: row.is_active,
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
  }
}
