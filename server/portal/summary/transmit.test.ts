import { beforeAll, expect, it } from 'vitest'
import type { Database } from '../../platform/db/database.ts'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { Invalid, NotFound } from '../../platform/http/problems.ts'
import { seedFamilyWithRecords } from '../../testing/family.ts'
import { updatePatient } from '../../testing/fixtures.ts'
import { type SeededFamily, useTestDatabase } from '../../testing/suite.ts'
import { type PatientAccess, portalAuditor } from '../audit-read.ts'
import { transmitSummary } from './transmit.ts'

const IP = '198.51.100.4'

/** Sending a care summary as a command: no HTTP, the same checks, email and audit row. */
describeEachDatabase('Transmit a care summary', (kind) => {
  const store = useTestDatabase(kind)
  let db: Database
  let seeded: SeededFamily
  let access: PatientAccess
  let summaryId = 0

  beforeAll(async () => {
    db = store.db
    seeded = await seedFamilyWithRecords(db, { files: store.files })
    access = {
      user: { id: seeded.users.maria, practice_id: seeded.practiceId },
      patientId: seeded.patients.sofia,
    }
    const summary = await db
      .insertInto('care_summaries')
      .values({
        practice_id: seeded.practiceId,
        patient_id: seeded.patients.sofia,
        reason: 'on_demand',
        document_id: '2.25.1',
        effective_at: new Date('2026-02-03T15:00:00Z'),
        xml_storage_key: 'summaries/sofia.xml',
        sha256: '0'.repeat(64),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    summaryId = summary.id
  })

  const transmit = (to: string, as = access) =>
    transmitSummary(db, as, portalAuditor({ ip: IP }, as), { summaryId, to, kind: 'email' })
  const emails = () =>
    db.selectFrom('outgoing_emails').select(['id', 'to_address', 'attachments']).execute()

  it('queues the email with the XML attached and audits it, naming the email', async () => {
    await updatePatient(db, seeded.patients.sofia, { external_id: 'PAT-SOFIA' })
    const emailId = await transmit('  dr.smith@example.org ')
    const [email] = await emails()
    expect(email).toMatchObject({ id: emailId, to_address: 'dr.smith@example.org' })
    expect(JSON.stringify(email?.attachments)).toContain('summaries/sofia.xml')
    const audit = await db
      .selectFrom('audit_events')
      .select(['portal_user_id', 'patient_id', 'target_type', 'target_id', 'ip', 'details'])
      .where('action', '=', 'summary.transmitted')
      .execute()
    expect(audit).toEqual([
      {
        portal_user_id: access.user.id,
        patient_id: seeded.patients.sofia,
        target_type: 'care_summary',
        target_id: String(summaryId),
        ip: IP,
        details: { emailId, via: 'email', rangeFrom: null, rangeTo: null },
      },
    ])
    const events = await db.selectFrom('sync_events').select(['kind', 'payload']).execute()
    expect(events).toEqual([
      {
        kind: 'care_summary.transmitted',
        payload: {
          careSummaryId: summaryId,
          patientExternalId: 'PAT-SOFIA',
          via: 'email',
          transmittedAt: expect.any(String),
        },
      },
    ])
  })

  it('refuses a malformed address or another patient’s summary, queueing nothing', async () => {
    const before = await emails()
    await expect(transmit('two@@example.org')).rejects.toBeInstanceOf(Invalid)
    const luis = { ...access, patientId: seeded.patients.luis }
    await expect(transmit('dr.smith@example.org', luis)).rejects.toBeInstanceOf(NotFound)
    expect(await emails()).toEqual(before)
    expect(await db.selectFrom('sync_events').select('id').execute()).toHaveLength(1)
  })
})
