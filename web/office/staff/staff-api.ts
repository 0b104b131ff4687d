import type { Static } from 'typebox'
import type {
  NewStaffMember as NewStaffMemberSchema,
  StaffCredentials as StaffCredentialsSchema,
  StaffMemberView,
} from '../../../server/office/staff/schemas.ts'
import { getJson, postJson, putJson } from '../../ui/api.ts'

export type StaffMember = Static<typeof StaffMemberView>
export type NewStaffMember = Static<typeof NewStaffMemberSchema>
/** A user name and one-time password, shown once; the server keeps only a hash. */
export type StaffCredentials = Static<typeof StaffCredentialsSchema>

export const STAFF_KEY = ['office', 'staff'] as const

export function fetchStaff(signal?: AbortSignal) {
  return getJson<StaffMember[]>('/api/office/staff', signal)
}

export function createStaffMember(member: NewStaffMember) {
  return postJson<StaffCredentials>('/api/office/staff', member)
}

export function resetStaffPassword(staffId: number) {
  return postJson<StaffCredentials>(`/api/office/staff/${staffId}/password`, {})
}

export function setStaffActive(staffId: number, active: boolean) {
  return putJson<StaffMember>(`/api/office/staff/${staffId}/status`, { active })
}
