import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createBackgroundWorker } from '../../background.ts'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { type FileStorage, LocalFileStorage } from '../../platform/files/storage.ts'
import { seedCareSummaryCodes, seedPatient, seedPractice } from '../../testing/fixtures.ts'
import { useTestDatabase } from '../../testing/suite.ts'
import { CREATE_CARE_SUMMARY_JOB } from './create.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * Visits completed by writing the appointments table directly, as a practice-management system
 * would: the database queues the summary job (migration 0002), the worker makes the summary.
 */
describeEachDatabase('portal: a visit summary for each completed visit', (kind) => {
  const suite = useTestDatabase(kind)
  let files: FileStorage
  let root: string
  let setUp: { practiceId: number; patientId: number }
  let notSetUp: { practiceId: number; patientId: number }

  async function practiceWithPatient(name: string) {
    const practiceId = await seedPractice(suite.db, { name })
    const patientId = await seedPatient(suite.db, {
      practiceId,
      first_name: 'Sofia',
      last_name: 'Ruiz',
    })
    return { practiceId, patientId }
  }

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-visits-'))
    files = new LocalFileStorage(root)
    setUp = await practiceWithPatient('Set Up Dental')
    notSetUp = await practiceWithPatient('Not Yet Dental')
    await seedCareSummaryCodes(suite.db, setUp.practiceId)
  })
  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true })
  })

  async function appointment(
    owner: { practiceId: number; patientId: number },
    values: { status?: 'Scheduled' | 'Complete'; startsAt?: Date } = {},
  ) {
    const row = await suite.db
      .insertInto('appointments')
      .values({
        practice_id: owner.practiceId,
        patient_id: owner.patientId,
        starts_at: values.startsAt ?? new Date(Date.now() - 2 * HOUR),
        length_minutes: 60,
        status: values.status ?? 'Scheduled',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }

  const setStatus = (id: number, status: string) =>
    sql`update appointments set status = ${status}::appointment_status where id = ${id}`.execute(
      suite.db,
    )

  const summaryJobs = (id: number) =>
    suite.db
      .selectFrom('jobs')
      .select(['practice_id', 'status'])
      .where('kind', '=', CREATE_CARE_SUMMARY_JOB)
      .where(sql<boolean>`(payload->>'appointmentId')::bigint = ${id}`)
      .execute()

  const visitSummaries = (id: number) =>
    suite.db
      .selectFrom('care_summaries')
      .select(['patient_id', 'xml_storage_key'])
      .where('appointment_id', '=', id)
      .where('reason', '=', 'visit')
      .execute()

  const runJobs = () =>
    createBackgroundWorker({
      db: suite.db,
      files,
      config: { smtpUrl: undefined, mailFrom: 'office@example.test' },
    }).runDue()

  it('makes one visit summary when a visit is marked Complete', async () => {
    const visit = await appointment(setUp)
    expect(await summaryJobs(visit)).toEqual([])
    await setStatus(visit, 'Complete')
    expect(await summaryJobs(visit)).toEqual([{ practice_id: setUp.practiceId, status: 'queued' }])
    await runJobs()
    const summaries = await visitSummaries(visit)
    expect(summaries.map((s) => s.patient_id)).toEqual([setUp.patientId])
    const xml = (await files.get(summaries[0]?.xml_storage_key as string)).toString('utf8')
    expect(xml).toContain('<ClinicalDocument')
    expect(await summaryJobs(visit)).toEqual([{ practice_id: setUp.practiceId, status: 'done' }])
  })

  it('makes one for a visit written as Complete in the first place', async () => {
    const visit = await appointment(setUp, { status: 'Complete' })
    await runJobs()
    expect(await visitSummaries(visit)).toHaveLength(1)
  })

  it('makes no second one when the visit is re-saved or completed again', async () => {
    const visit = await appointment(setUp)
    await setStatus(visit, 'Complete')
    await runJobs()
    await sql`update appointments set note = 'x-rays reviewed' where id = ${visit}`.execute(
      suite.db,
    )
    await setStatus(visit, 'Complete')
    expect(await summaryJobs(visit)).toHaveLength(1)
    // Undone and done again: a second job, which finds the summary already made.
    await setStatus(visit, 'Scheduled')
    await setStatus(visit, 'Complete')
    expect(await summaryJobs(visit)).toHaveLength(2)
    await runJobs()
    expect(await visitSummaries(visit)).toHaveLength(1)
  })

  it('makes one when two workers run two jobs for the same visit at once', async () => {
    const visit = await appointment(setUp, { status: 'Complete' })
    await suite.db
      .insertInto('jobs')
      .values({
        practice_id: setUp.practiceId,
        kind: CREATE_CARE_SUMMARY_JOB,
        payload: JSON.stringify({ appointmentId: visit }),
      })
      .execute()
    await Promise.all([runJobs(), runJobs()])
    expect(await visitSummaries(visit)).toHaveLength(1)
    // The second job waited for the first and found its summary: no failure, no retry.
    expect((await summaryJobs(visit)).map((job) => job.status)).toEqual(['done', 'done'])
  })

  it('queues nothing for statuses other than Complete', async () => {
    const visit = await appointment(setUp)
    for (const status of ['Broken', 'UnschedList', 'Planned', 'Scheduled']) {
      await setStatus(visit, status)
    }
    expect(await summaryJobs(visit)).toEqual([])
    await runJobs()
    expect(await visitSummaries(visit)).toEqual([])
  })

  it('makes none for a practice without SNOMED CT and CVX', async () => {
    const visit = await appointment(notSetUp)
    await setStatus(visit, 'Complete')
    await runJobs()
    expect(await visitSummaries(visit)).toEqual([])
    expect(await summaryJobs(visit)).toEqual([{ practice_id: notSetUp.practiceId, status: 'done' }])
  })

  it('takes history for history: an old visit, or a load that says it loads history', async () => {
    const old = await appointment(setUp, {
      status: 'Complete',
      startsAt: new Date(Date.now() - 30 * DAY),
    })
    expect(await summaryJobs(old)).toEqual([])
    const loaded = await suite.db.transaction().execute(async (trx) => {
      await sql`set local bitewing.loading_history = 'on'`.execute(trx)
      const row = await trx
        .insertInto('appointments')
        .values({
          practice_id: setUp.practiceId,
          patient_id: setUp.patientId,
          starts_at: new Date(Date.now() - HOUR),
          length_minutes: 30,
          status: 'Complete',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    })
    expect(await summaryJobs(loaded)).toEqual([])
    // The setting ended with that transaction: the next visit completed is a visit again.
    const next = await appointment(setUp, { status: 'Complete' })
    expect(await summaryJobs(next)).toHaveLength(1)
  })

  it('refuses a second visit summary for the same appointment', async () => {
    const visit = await appointment(setUp, { status: 'Complete' })
    await runJobs()
    const [first] = await visitSummaries(visit)
    const again = suite.db
      .insertInto('care_summaries')
      .values({
        practice_id: setUp.practiceId,
        patient_id: setUp.patientId,
        appointment_id: visit,
        reason: 'visit',
        document_id: 'another',
        effective_at: new Date(),
        xml_storage_key: first?.xml_storage_key as string,
        sha256: '0',
      })
      .execute()
    await expect(again).rejects.toThrow(/care_summaries_one_per_visit|unique/)
  })
})
