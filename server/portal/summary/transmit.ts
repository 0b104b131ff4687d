import type { Database } from '../../platform/db/database.ts'
import { Invalid, NotFound } from '../../platform/http/problems.ts'
import { queueEmail } from '../../platform/mail/outbox.ts'
import { queueSyncEventWithExternalIds } from '../../sync/outbox.ts'
import type { Auditor, PatientAccess } from '../audit-read.ts'
import { findCareSummary, findPractice } from './queries.ts'
import { addressProblem, summaryFileBase } from './rules.ts'
import { rangeDetails } from './view.ts'

export interface Transmission {
  summaryId: number
  to: string
  kind: 'email' | 'direct'
}

/**
 * Sends a care summary to an address the patient gives: the email is queued and audited in one
 * transaction, and sent by the mail job. The email never names the patient or holds health
 * information outside the attachment. Answers the queued email's id.
 */
export async function transmitSummary(
  db: Database,
  access: PatientAccess,
  audit: Auditor,
  transmission: Transmission,
): Promise<number> {
  const { kind } = transmission
  const to = transmission.to.trim()
  const problem = addressProblem(to, kind)
  if (problem) throw new Invalid('The recipient address is not valid.', { to: problem })
  const practiceId = access.user.practice_id
  const summary = await findCareSummary(db, practiceId, access.patientId, transmission.summaryId)
  if (!summary) throw new NotFound('No such care summary.')
  const practice = await findPractice(db, practiceId)
  const baseName = summaryFileBase(summary.effective_at, practice.time_zone)
  return db.transaction().execute(async (trx) => {
    const emailId = await queueEmail(trx, {
      practiceId,
      kind: kind === 'direct' ? 'care-summary-direct' : 'care-summary',
      to,
      subject: `Care summary from ${practice.name}`,
      text: [
        `Attached is a care summary (an HL7 C-CDA R2.1 document) that a patient of ${practice.name} asked to have sent to this address from the patient portal.`,
        '',
        `It contains health information. If you did not expect it, please delete it and let ${practice.name} know.`,
      ].join('\n'),
      attachments: [
        {
          filename: `${baseName}.xml`,
          contentType: 'application/xml',
          storageKey: summary.xml_storage_key,
        },
      ],
      relay: kind === 'direct' ? 'direct' : 'smtp',
    })
    await queueSyncEventWithExternalIds(trx, {
      practiceId,
      kind: 'care_summary.transmitted',
      entityType: 'care_summary',
      entityId: summary.id,
      payload: { careSummaryId: summary.id, via: kind, transmittedAt: new Date().toISOString() },
      externalIds: { patientExternalId: ['patients', access.patientId] },
    })
    await audit.record(trx, 'summary.transmitted', {
      target: { type: 'care_summary', id: summary.id },
      details: { emailId, via: kind, ...rangeDetails(summary) },
    })
    return emailId
  })
}
