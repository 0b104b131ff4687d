import type { Static } from 'typebox'
import type * as schemas from '../../../server/office/staff/schemas.ts'
import { postJson, putJson } from '../../ui/api.ts'
import { readQuery } from '../../ui/read-query.ts'

export type StaffMember = Static<typeof schemas.StaffMemberView>
export type NewStaffMember = Static<typeof schemas.NewStaffMember>
/** A user name and one-time password, shown once; the server keeps only a hash. */
export type StaffCredentials = Static<typeof schemas.StaffCredentials>

export const staffQuery = readQuery<StaffMember[]>(['office', 'staff'], '/api/office/staff')

export function createStaffMember(member: NewStaffMember) {
  return postJson<StaffCredentials>('/api/office/staff', member)
}

export function resetStaffPassword(staffId: number) {
  return postJson<StaffCredentials>(`/api/office/staff/${staffId}/password`, {})
}

export function setStaffActive(staffId: number, active: boolean) {
  return putJson<StaffMember>(`/api/office/staff/${staffId}/status`, { active })
}
