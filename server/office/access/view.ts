import type { Static } from 'typebox'
import { verificationLocked } from '../../platform/auth/access-rules.ts'
import type { PatientAccessRow } from './queries.ts'
import { hasAccess, missingForAccess } from './rules.ts'
import type { PatientWithAccess } from './schemas.ts'

/** A patient as the access page lists them: what is missing for access, and the account if any. */
export function presentPatientAccess(
  row: PatientAccessRow,
  now: Date,
): Static<typeof PatientWithAccess> {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    birthdate: row.birthdate,
    status: row.status,
    hasEmail: Boolean(row.email),
    missing: missingForAccess(row),
    access:
      hasAccess(row) && row.username
        ? {
            username: row.username,
            awaitingFirstSignIn: row.password_is_temporary ?? false,
            lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
            verificationLocked: verificationLocked(
              {
                failures: row.verification_failures ?? 0,
                lastFailedAt: row.verification_failed_at,
              },
              now,
            ),
          }
        : null,
  }
}
