import type { Static } from 'typebox'
import type { Database } from '../../platform/db/database.ts'
import { Invalid, NotFound } from '../../platform/http/problems.ts'
import { npiProblem } from '../../practice/rules.ts'
import type { ActingStaff, StaffAuditor } from '../staff-audit.ts'
import {
  type ContactChange,
  replaceHours,
  updateClinicContact,
  updatePortalSettings,
  updatePracticeContact,
} from './queries.ts'
import { hoursErrors } from './rules.ts'
import type { ContactBody, PortalSettingsBody } from './schemas.ts'

/** Saves the portal's switches, time-out and texts; patients get them on their next request. */
export async function savePortalSettings(
  db: Database,
  staff: ActingStaff,
  audit: StaffAuditor,
  body: Static<typeof PortalSettingsBody>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await updatePortalSettings(trx, staff.practice_id, staff.id, body)
    await audit.record(trx, 'settings.updated', {
      details: { features: body.features, idleTimeoutMinutes: body.idleTimeoutMinutes },
    })
  })
}

/**
 * Saves the practice's (clinicId null) or one clinic's contact details and replaces its opening
 * hours; hours that close before they open or overlap are refused with a message per row.
 */
export async function saveContact(
  db: Database,
  staff: ActingStaff,
  audit: StaffAuditor,
  { clinicId, contact }: { clinicId: number | null; contact: Static<typeof ContactBody> },
): Promise<void> {
  const npi = contact.npi?.trim() ? npiProblem(contact.npi.trim()) : undefined
  if (npi) throw new Invalid('Please check the NPI.', { npi })
  const errors = hoursErrors(contact.hours)
  if (Object.keys(errors).length > 0) throw new Invalid('Please check the opening hours.', errors)
  const practiceId = staff.practice_id
  await db.transaction().execute(async (trx) => {
    if (clinicId === null) await updatePracticeContact(trx, practiceId, blankToNull(contact))
    else if (!(await updateClinicContact(trx, practiceId, clinicId, blankToNull(contact)))) {
      throw new NotFound('No such clinic.')
    }
    await replaceHours(trx, practiceId, clinicId, contact.hours)
    await audit.record(trx, 'settings.contact_updated', {
      target:
        clinicId === null ? { type: 'practice', id: practiceId } : { type: 'clinic', id: clinicId },
    })
  })
}

function blankToNull(contact: ContactChange): ContactChange {
  const clean = (value: string | null) => (value?.trim() ? value.trim() : null)
  return {
    phone: clean(contact.phone),
    email: clean(contact.email),
    address1: clean(contact.address1),
    address2: clean(contact.address2),
    city: clean(contact.city),
    region: clean(contact.region),
    postalCode: clean(contact.postalCode),
    ...(contact.npi === undefined ? {} : { npi: clean(contact.npi) }),
  }
}
