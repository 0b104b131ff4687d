import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { createBackgroundWorker } from '../../background.ts'
import { verifyPassword } from '../../platform/auth/passwords.ts'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import type { FileStorage } from '../../platform/files/storage.ts'
import { Conflict, Invalid, NotFound } from '../../platform/http/problems.ts'
import { seedPatient, seedPractice, seedStaff } from '../../testing/fixtures.ts'
import { officeSignIn, portalSignIn, TEST_ORIGIN } from '../../testing/http.ts'
import { OFFICE_TEAM, useTestApp } from '../../testing/suite.ts'
import { staffAuditor } from '../staff-audit.ts'
import {
  grantPortalAccess,
  removePortalAccess,
  resetPortalPassword,
  unlockPortalVerification,
} from './commands.ts'
import { grantAccess } from './queries.ts'

describeEachDatabase('office: patient portal access', (kind) => {
  const suite = useTestApp(kind)
  let files: FileStorage
  let admin = ''
  let provider = ''
  let frontDesk = ''
  let ana = 0
  let noAddress = 0
  let adminId = 0
  let firstPassword = ''
  let firstCookie = ''

  beforeAll(async () => {
    const practiceId = await seedPractice(suite.db, { name: 'Maple Grove Dental' })
    adminId = await seedStaff(suite.db, { practiceId, ...OFFICE_TEAM.admin })
    await seedStaff(suite.db, { practiceId, ...OFFICE_TEAM.provider })
    await seedStaff(suite.db, { practiceId, ...OFFICE_TEAM.desk })
    ana = await seedPatient(suite.db, {
      practiceId: practiceId,
      first_name: 'Ana',
      last_name: 'Silva',
      birthdate: '1992-03-04',
      email: 'ana@example.test',
    })
    noAddress = await seedPatient(suite.db, {
      practiceId: practiceId,
      first_name: 'Ben',
      last_name: 'Silva',
      address1: null,
    })
    const other = await seedPractice(suite.db, { name: 'Other Dental' })
    await seedPatient(suite.db, { practiceId: other, first_name: 'Ana', last_name: 'Silvana' })
    files = suite.files
    // The user name as typed in capitals: it is matched without regard to case.
    admin = await officeSignIn(suite.app, 'ADMIN', OFFICE_TEAM.admin.password)
    provider = await officeSignIn(suite.app, 'dr.lee', OFFICE_TEAM.provider.password)
    frontDesk = await officeSignIn(suite.app, 'desk', OFFICE_TEAM.desk.password)
  })

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie: string, payload?: object) =>
    suite.app.inject({ method, url, payload, headers: { origin: TEST_ORIGIN, cookie } })

  it('shows the signed-in staff member and keeps roles apart', async () => {
    const me = await call('GET', '/api/office/session', admin)
    expect(me.json()).toMatchObject({
      username: 'admin',
      role: 'admin',
      practiceName: 'Maple Grove Dental',
    })
    expect(
      (await call('POST', '/api/office/patients/search', provider, { name: 'silva' })).statusCode,
    ).toBe(403)
    expect((await call('GET', '/api/office/outgoing-emails', provider)).statusCode).toBe(403)
    expect(
      (
        await suite.app.inject({
          method: 'POST',
          url: '/api/office/patients/search',
          payload: { name: 'silva' },
        })
      ).statusCode,
    ).toBe(401)
  })

  it('lets the front desk manage portal access but nothing only administrators may do', async () => {
    const search = await call('POST', '/api/office/patients/search', frontDesk, { name: 'silva' })
    expect(search.statusCode).toBe(200)
    const status = await call('GET', `/api/office/patients/${noAddress}/access`, frontDesk)
    expect(status.json()).toMatchObject({ id: noAddress, missing: ['address'] })
    for (const adminOnly of [
      '/api/office/outgoing-emails',
      '/api/office/settings',
      '/api/office/code-systems',
    ]) {
      const refused = await call('GET', adminOnly, frontDesk)
      expect([adminOnly, refused.statusCode]).toEqual([adminOnly, 403])
      expect(refused.headers['content-type']).toContain('application/problem+json')
    }
  })

  it('records staff sign-in and sign-out with who and from where', async () => {
    const cookie = await officeSignIn(suite.app, 'desk', OFFICE_TEAM.desk.password)
    expect((await call('DELETE', '/api/office/session', cookie)).statusCode).toBe(204)
    const rows = await suite.db
      .selectFrom('audit_events')
      .innerJoin('staff_users', 'staff_users.id', 'audit_events.staff_user_id')
      .select(['action', 'actor_type', 'ip'])
      .where('staff_users.username', '=', 'desk')
      .orderBy('audit_events.id')
      .execute()
    expect(rows.slice(-2)).toEqual([
      { action: 'office.sign_in', actor_type: 'staff_user', ip: '127.0.0.1' },
      { action: 'office.sign_out', actor_type: 'staff_user', ip: '127.0.0.1' },
    ])
  })

  it("finds patients by name and birthdate in the staff member's practice only", async () => {
    const found = await call('POST', '/api/office/patients/search', admin, { name: 'silva' })
    expect(
      found
        .json()
        .map((p: { firstName: string }) => p.firstName)
        .sort(),
    ).toEqual(['Ana', 'Ben'])
    const byBirth = await call('POST', '/api/office/patients/search', admin, {
      name: 'sil',
      birthdate: '1992-03-04',
    })
    expect(byBirth.json()).toEqual([
      expect.objectContaining({ id: ana, access: null, missing: [] }),
    ])
    const bad = await call('POST', '/api/office/patients/search', admin, { birthdate: 'March' })
    expect(bad.statusCode).toBe(400)
  })

  it('needs an address on file before giving access', async () => {
    const response = await call('POST', `/api/office/patients/${noAddress}/access`, admin, {})
    expect(response.statusCode).toBe(400)
    expect(response.json().detail).toContain('address')
  })

  it('gives access with a suggested user name and a one-time password that works once', async () => {
    const granted = await call('POST', `/api/office/patients/${ana}/access`, admin, {})
    expect(granted.statusCode).toBe(201)
    const { username, oneTimePassword } = granted.json()
    expect(username).toMatch(/^ana\d{4}$/)
    expect(oneTimePassword).toHaveLength(8)
    const again = await call('POST', `/api/office/patients/${ana}/access`, admin, {})
    expect(again.statusCode).toBe(409)

    const letter = await call('POST', `/api/office/patients/${ana}/access/letter`, admin, {
      oneTimePassword,
    })
    expect(letter.statusCode).toBe(200)
    expect(letter.headers['content-type']).toBe('application/pdf')
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const wrongLetter = await call('POST', `/api/office/patients/${ana}/access/letter`, admin, {
      oneTimePassword: 'guessed1',
    })
    expect(wrongLetter.statusCode).toBe(400)

    const invited = await call('POST', `/api/office/patients/${ana}/access/invitation`, admin, {
      oneTimePassword,
    })
    expect(invited.statusCode).toBe(202)
    const worker = createBackgroundWorker({
      db: suite.db,
      files,
      config: { smtpUrl: undefined, mailFrom: 'test@example.test' },
    })
    await worker.runDue()
    const emails = await call('GET', '/api/office/outgoing-emails', admin)
    expect(emails.json()[0]).toMatchObject({
      kind: 'access-invitation',
      to: 'ana@example.test',
      status: 'stored',
    })
    // Without a mail server the email reached no one; the password is not kept readable.
    expect(emails.json()[0]).toMatchObject({ carriesSecret: true })
    expect(emails.body).not.toContain(oneTimePassword)

    firstPassword = oneTimePassword
    firstCookie = await portalSignIn(suite.app, username, oneTimePassword)
    const session = await suite.app.inject({
      url: '/api/portal/session',
      headers: { cookie: firstCookie },
    })
    expect(session.json()).toMatchObject({ stage: 'change-password' })
    const status = await call('GET', `/api/office/patients/${ana}/access`, admin)
    expect(status.json().access).toMatchObject({ username, awaitingFirstSignIn: true })
  })

  it('reset issues a new one-time password; the old one stops working and sessions end', async () => {
    const reset = await call('POST', `/api/office/patients/${ana}/access/reset`, admin)
    expect(reset.statusCode).toBe(200)
    const { username, oneTimePassword } = reset.json()
    expect(oneTimePassword).not.toBe(firstPassword)
    const oldPassword = await portalSignIn(suite.app, username, firstPassword).catch(
      () => 'refused',
    )
    expect(oldPassword).toBe('refused')
    const oldSession = await suite.app.inject({
      url: '/api/portal/session',
      headers: { cookie: firstCookie },
    })
    expect(oldSession.statusCode).toBe(401)
    const signedIn = await portalSignIn(suite.app, username, oneTimePassword)
    expect(signedIn).toContain('bitewing_portal=')
    const events = await suite.db
      .selectFrom('audit_events')
      .select(['action', 'staff_user_id', 'patient_id'])
      .where('action', 'like', 'access.%')
      .execute()
    expect(events).toEqual(
      expect.arrayContaining([
        { action: 'access.granted', staff_user_id: adminId, patient_id: ana },
        { action: 'access.password_reset', staff_user_id: adminId, patient_id: ana },
        { action: 'access.letter_printed', staff_user_id: adminId, patient_id: ana },
      ]),
    )
  })

  it('remove access signs the patient out everywhere', async () => {
    const { access } = (await call('GET', `/api/office/patients/${ana}/access`, admin)).json()
    const reset = await call('POST', `/api/office/patients/${ana}/access/reset`, admin)
    const cookie = await portalSignIn(suite.app, access.username, reset.json().oneTimePassword)
    const removed = await call('DELETE', `/api/office/patients/${ana}/access`, admin)
    expect(removed.statusCode).toBe(204)
    expect(
      (await suite.app.inject({ url: '/api/portal/session', headers: { cookie } })).statusCode,
    ).toBe(401)
    const status = await call('GET', `/api/office/patients/${ana}/access`, admin)
    expect(status.json().access).toBeNull()
  })

  it('refuses a user name that is taken or malformed', async () => {
    const response = await call('POST', `/api/office/patients/${ana}/access`, admin, {
      username: 'bad name!',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().errors).toHaveProperty('username')
  })

  // The access changes as commands, without HTTP: checks, sync event and audit row together.
  type AccessCommand = (...args: Parameters<typeof removePortalAccess>) => Promise<unknown>

  describe('access commands', () => {
    const IP = '203.0.113.9'
    let staff = { id: 0, practice_id: 0 }
    let ava = 0
    let bo = 0

    beforeAll(async () => {
      const practiceId = await seedPractice(suite.db, { name: 'Birch Dental' })
      const id = await seedStaff(suite.db, {
        practiceId: practiceId,
        username: 'birch.desk',
        password: 'desk password 1',
        role: 'front_desk',
      })
      staff = { id, practice_id: practiceId }
      const patient = (first_name: string, external_id: string, more = {}) =>
        seedPatient(suite.db, {
          practiceId: practiceId,
          first_name,
          last_name: 'Silva',
          external_id,
          ...more,
        })
      ava = await patient('Ava', 'PMS-1001')
      bo = await patient('Bo', 'PMS-1002', { address1: null })
    })

    const audit = () => staffAuditor({ ip: IP }, staff)
    const syncEvents = (patientId: number) =>
      suite.db
        .selectFrom('sync_events')
        .select(['kind', 'entity_type', 'payload'])
        .where('entity_id', '=', patientId)
        .where('kind', '=', 'portal_access.changed')
        .orderBy('id')
        .execute()
    const auditRows = async (patientId: number) => {
      const rows = await sql<{ action: string; staff_user_id: number; ip: string }>`
        select action, staff_user_id, ip from audit_events where patient_id = ${patientId} order by id
      `.execute(suite.db)
      return rows.rows
    }

    it('grants, resets, unlocks and removes, telling the PMS each time by its own patient id', async () => {
      const granted = await grantPortalAccess(suite.db, staff, audit(), {
        patientId: ava,
        username: 'ava.s',
      })
      expect(granted.username).toBe('ava.s')
      const reset = await resetPortalPassword(suite.db, staff, audit(), { patientId: ava })
      expect(reset.username).toBe('ava.s')
      const user = await suite.db
        .selectFrom('portal_users')
        .select('password_hash')
        .where('patient_id', '=', ava)
        .executeTakeFirstOrThrow()
      expect(await verifyPassword(user.password_hash, reset.oneTimePassword)).toBe(true)
      await unlockPortalVerification(suite.db, staff, audit(), { patientId: ava })
      await removePortalAccess(suite.db, staff, audit(), { patientId: ava })

      const events = await syncEvents(ava)
      expect(events.map((event) => [event.entity_type, event.payload])).toEqual(
        ['granted', 'reset', 'unlocked', 'removed'].map((change) => [
          'patient',
          { patientExternalId: 'PMS-1001', portalUserName: 'ava.s', change },
        ]),
      )
      expect(await auditRows(ava)).toEqual(
        [
          'access.granted',
          'access.password_reset',
          'access.verification_unlocked',
          'access.removed',
        ].map((action) => ({ action, staff_user_id: staff.id, ip: IP })),
      )
    })

    /** Each command is refused with its problem, and the PMS hears of nothing. */
    const refusesEach = async (patientId: number, refusals: [AccessCommand, typeof Conflict][]) => {
      const before = await syncEvents(patientId)
      for (const [command, problem] of refusals) {
        await expect(command(suite.db, staff, audit(), { patientId })).rejects.toThrow(problem)
      }
      expect(await syncEvents(patientId)).toEqual(before)
    }

    it('refuses without changing anything, queuing nothing and auditing nothing', async () => {
      await refusesEach(bo, [
        [grantPortalAccess, Invalid],
        [resetPortalPassword, Conflict],
        [removePortalAccess, Conflict],
      ])
      expect(await auditRows(bo)).toEqual([])
    })

    it("does not reach another practice's patient", async () => {
      await refusesEach(ana, [
        [grantPortalAccess, NotFound],
        [removePortalAccess, NotFound],
      ])
    })

    it('gives one patient access once when staff grant it at the same moment', async () => {
      const patientId = await seedPatient(suite.db, {
        practiceId: staff.practice_id,
        first_name: 'Dee',
        last_name: 'Ng',
      })
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, () => grantPortalAccess(suite.db, staff, audit(), { patientId })),
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

    // Deterministic where the test above depends on timing: a change holding the patient's row
    // makes a grant wait for it, then decide on what it left (here: access already given).
    it('waits for a change in progress on the same patient, then decides on its result', async () => {
      const patientId = await seedPatient(suite.db, {
        practiceId: staff.practice_id,
        first_name: 'Eve',
        last_name: 'Ng',
      })
      let release = () => {}
      const released = new Promise<void>((resolve) => {
        release = resolve
      })
      let holding = () => {}
      const held = new Promise<void>((resolve) => {
        holding = resolve
      })
      const other = suite.db.transaction().execute(async (trx) => {
        await trx
          .selectFrom('patients')
          .select('id')
          .where('id', '=', patientId)
          .forUpdate()
          .execute()
        holding()
        await released
        await grantAccess(trx, {
          ...{ practiceId: staff.practice_id, patientId, username: 'eve.first' },
          ...{ passwordHash: 'not a hash', staffUserId: staff.id },
        })
      })
      await held
      const attempt = grantPortalAccess(suite.db, staff, audit(), { patientId })
      const outcome = attempt.then(
        () => 'granted',
        (error: unknown) => (error instanceof Conflict ? 'refused' : error),
      )
      // On PostgreSQL, see the grant reach the lock before letting the other change finish.
      if (kind === 'postgres') {
        expect(await Promise.race([outcome, waitingOnALock()])).toBe('waiting')
      }
      release()
      await other
      expect(await outcome).toBe('refused')
    })
  })

  async function waitingOnALock(): Promise<'waiting'> {
    for (let tries = 0; tries < 250; tries++) {
      const { rows } = await sql<{ waiting: number }>`
        select count(*)::int as waiting from pg_stat_activity
        where wait_event_type = 'Lock' and datname = current_database()
      `.execute(suite.db)
      if ((rows[0]?.waiting ?? 0) > 0) return 'waiting'
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    throw new Error('No query waited on a lock within 5 s.')
  }
})
