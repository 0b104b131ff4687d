import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { verifyPassword } from '../../platform/auth/passwords.ts'
import type { Database } from '../../platform/db/database.ts'
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '../../platform/db/testing.ts'
import { Conflict, Invalid, NotFound } from '../../platform/http/problems.ts'
import { seedPatient, seedPractice, seedStaff } from '../../testing/fixtures.ts'
import { staffAuditor } from '../staff-audit.ts'
import {
  grantPortalAccess,
  removePortalAccess,
  resetPortalPassword,
  unlockPortalVerification,
} from './commands.ts'

const IP = '203.0.113.9'

/** Access changes as commands: no HTTP, each with its checks, sync event and audit row. */
describeEachDatabase('Portal access commands', (kind) => {
  let database: TestDatabase
  let db: Database
  let staff = { id: 0, practice_id: 0 }
  let otherPractice = 0
  let ana = 0
  let noAddress = 0

  beforeAll(async () => {
    database = await createTestDatabase(kind)
    db = database.db
    const practiceId = await seedPractice(db, 'Maple Grove Dental')
    staff = {
      id: await seedStaff(db, practiceId, 'desk', 'desk password 1', 'front_desk'),
      practice_id: practiceId,
    }
    ana = await seedPatient(db, practiceId, {
      first_name: 'Ana',
      last_name: 'Silva',
      external_id: 'PMS-1001',
    })
    noAddress = await seedPatient(db, practiceId, {
      first_name: 'Ben',
      last_name: 'Silva',
      address1: null,
      external_id: 'PMS-1002',
    })
    otherPractice = await seedPractice(db, 'Other Dental')
  })
  afterAll(() => database.destroy())

  const audit = () => staffAuditor({ ip: IP }, staff)
  const syncEvents = (patientId: number) =>
    db
      .selectFrom('sync_events')
      .select(['kind', 'entity_type', 'payload'])
      .where('entity_id', '=', patientId)
      .where('kind', '=', 'portal_access.changed')
      .orderBy('id')
      .execute()
  const auditRows = async (patientId: number) => {
    const rows = await sql<{ action: string; staff_user_id: number; ip: string }>`
      select action, staff_user_id, ip from audit_events where patient_id = ${patientId} order by id
    `.execute(db)
    return rows.rows
  }

  it('grants, resets, unlocks and removes, telling the PMS each time by its own patient id', async () => {
    const granted = await grantPortalAccess(db, staff, audit(), {
      patientId: ana,
      username: 'ana.s',
    })
    expect(granted.username).toBe('ana.s')
    const reset = await resetPortalPassword(db, staff, audit(), { patientId: ana })
    expect(reset.username).toBe('ana.s')
    const user = await db
      .selectFrom('portal_users')
      .select('password_hash')
      .where('patient_id', '=', ana)
      .executeTakeFirstOrThrow()
    expect(await verifyPassword(user.password_hash, reset.oneTimePassword)).toBe(true)
    await unlockPortalVerification(db, staff, audit(), { patientId: ana })
    await removePortalAccess(db, staff, audit(), { patientId: ana })

    const events = await syncEvents(ana)
    expect(events.map((event) => [event.entity_type, event.payload])).toEqual(
      ['granted', 'reset', 'unlocked', 'removed'].map((change) => [
        'patient',
        { patientExternalId: 'PMS-1001', portalUserName: 'ana.s', change },
      ]),
    )
    expect(await auditRows(ana)).toEqual(
      [
        'access.granted',
        'access.password_reset',
        'access.verification_unlocked',
        'access.removed',
      ].map((action) => ({ action, staff_user_id: staff.id, ip: IP })),
    )
  })

  it('refuses without changing anything, queuing nothing and auditing nothing', async () => {
    const before = await syncEvents(noAddress)
    await expect(grantPortalAccess(db, staff, audit(), { patientId: noAddress })).rejects.toThrow(
      Invalid,
    )
    await expect(resetPortalPassword(db, staff, audit(), { patientId: noAddress })).rejects.toThrow(
      Conflict,
    )
    await expect(removePortalAccess(db, staff, audit(), { patientId: noAddress })).rejects.toThrow(
      Conflict,
    )
    expect(await syncEvents(noAddress)).toEqual(before)
    expect(await auditRows(noAddress)).toEqual([])
  })

  it("does not reach another practice's patient", async () => {
    const stranger = await seedPatient(db, otherPractice, { first_name: 'Cy', last_name: 'Moss' })
    await expect(grantPortalAccess(db, staff, audit(), { patientId: stranger })).rejects.toThrow(
      NotFound,
    )
    expect(await syncEvents(stranger)).toEqual([])
  })

  it('gives one patient access once when staff grant it at the same moment', async () => {
    const patientId = await seedPatient(db, staff.practice_id, {
      first_name: 'Dee',
      last_name: 'Ng',
    })
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => grantPortalAccess(db, staff, audit(), { patientId })),
    )
    const granted = results.filter((result) => result.status === 'fulfilled')
    expect(granted).toHaveLength(1)
    const refused = results.filter((result) => result.status === 'rejected')
    expect(refused.map((result) => (result.reason as Error).constructor)).toEqual([
      Conflict,
      Conflict,
      Conflict,
    ])
    expect(await syncEvents(patientId)).toHaveLength(1)
  })
})
