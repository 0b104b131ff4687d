import type { PatientAccessRow } from './queries.ts'

/** What must be on file before the office may give online access (name, address, birthdate). */
export function missingForAccess(patient: {
  first_name: string
  last_name: string
  birthdate: string | null
  address1: string | null
  city: string | null
}): string[] {
  const missing: string[] = []
  if (!patient.first_name.trim() || !patient.last_name.trim()) missing.push('name')
  if (!patient.address1?.trim() || !patient.city?.trim()) missing.push('address')
  if (!patient.birthdate) missing.push('birthdate')
  return missing
}

export function hasAccess(row: Pick<PatientAccessRow, 'portal_user_id' | 'removed_at'>): boolean {
  return row.portal_user_id !== null && row.removed_at === null
}
