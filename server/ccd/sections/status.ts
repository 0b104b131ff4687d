import type { ClinicalStatus } from '../input.ts'

/**
 * The statusCode of a concern act or medication: still tracked/taken (active) or no longer
 * (completed). Resolved, Inactive and Completed all end it.
 */
export function clinicalStatusCode(status: ClinicalStatus): 'active' | 'completed' {
  return status === 'Active' ? 'active' : 'completed'
}
