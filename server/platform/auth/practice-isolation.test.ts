import { sql } from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import { seedPatient, seedPortalUser, seedPractice, seedStaff } from '../../testing/fixtures.ts'
import { TEST_ORIGIN } from '../../testing/http.ts'
import { useTestApp } from '../../testing/suite.ts'
import type { Database } from '../db/database.ts'
import { describeEachDatabase } from '../db/testing.ts'
import { createPortalGuard, findAccessiblePatientIds } from './portal-guard.ts'
import { createSession } from './sessions.ts'

/**
 * Two practices of the same shape (the same families, user names and staff), and a user of one
 * asking for the other's rows by id. The database refuses rows that link two practices
 * (migration 0005), but a restore or bulk load in replica mode skips foreign keys, so each of the
 * guards' practice filters is also tested against such rows, written the way such a load would.
 * Each test fails when the one filter it names is taken out.
 */

interface Practice {
  id: number
  maria: number
  luis: number
  smith: number
  rosa: number
  admin: number
  mariaUser: number
  rosaUser: number
}

async function seedSameShape(db: Database, name: string, adminPassword: string): Promise<Practice> {
  const id = await seedPractice(db, { name })
  const maria = await seedPatient(db, { practiceId: id, first_name: 'Maria', last_name: 'Garcia' })
  const luis = await seedPatient(db, { practiceId: id, first_name: 'Luis', last_name: 'Garcia' })
  const smith = await seedPatient(db, { practiceId: id, first_name: 'Ann', last_name: 'Smith' })
  const rosa = await seedPatient(db, { practiceId: id, first_name: 'Rosa', last_name: 'Diaz' })
  await db
    .insertInto('patient_representatives')
    .values({ practice_id: id, representative_id: maria, patient_id: luis })
    .execute()
  const mariaUser = await seedPortalUser(db, {
    practiceId: id,
    patientId: maria,
    username: 'maria.garcia',
  })
  const rosaUser = await seedPortalUser(db, {
    practiceId: id,
    patientId: rosa,
    username: 'rosa.diaz',
  })
  const admin = await seedStaff(db, { practiceId: id, username: 'admin', password: adminPassword })
  return { id, maria, luis, smith, rosa, admin, mariaUser, rosaUser }
}

/** Writes rows as a restore or bulk load in replica mode would: without foreign-key checks. */
async function writeUnchecked(db: Database, work: (trx: Database) => Promise<unknown>) {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx)
    await work(trx)
  })
}

describeEachDatabase('practice filters of the access guards', (kind) => {
  const suite = useTestApp(kind)
  let a: Practice
  let b: Practice
  const cookies: Record<string, string> = {}

  beforeAll(async () => {
    // A is the oldest practice: the one this installation's sign-in pages serve.
    a = await seedSameShape(suite.db, 'Maple Grove Dental', 'A-admin-password-1')
    b = await seedSameShape(suite.db, 'Other Dental', 'B-admin-password-1')

    // A portal user recorded under B but for A's patient; a session of A naming B's staff.
    let crossUser = 0
    let crossSession = ''
    let staffSession = ''
    await writeUnchecked(suite.db, async (trx) => {
      const row = await trx
        .insertInto('portal_users')
        .values({
          practice_id: b.id,
          patient_id: a.smith,
          username: 'ann.smith',
          password_hash: 'x',
          password_is_temporary: false,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      crossUser = row.id
      // Recorded under B: Rosa of A representing Smith of A.
      await trx
        .insertInto('patient_representatives')
        .values({ practice_id: b.id, representative_id: a.rosa, patient_id: a.smith })
        .execute()
      // Recorded under A: Rosa of A representing Luis of B.
      await trx
        .insertInto('patient_representatives')
        .values({ practice_id: a.id, representative_id: a.rosa, patient_id: b.luis })
        .execute()
      // A's own portal user whose patient is B's Smith.
      const linked = await trx
        .insertInto('portal_users')
        .values({
          practice_id: a.id,
          patient_id: b.smith,
          username: 'linked',
          password_hash: 'x',
          password_is_temporary: false,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const session = (owner: Parameters<typeof createSession>[1]['owner']) =>
        createSession(trx, {
          practiceId: a.id,
          owner,
          idleTimeoutMinutes: 15,
          ip: '127.0.0.1',
          userAgent: undefined,
        })
      crossSession = await session({ kind: 'portal', portalUserId: crossUser })
      cookies.linked = `bitewing_portal=${await session({ kind: 'portal', portalUserId: linked.id })}`
      staffSession = await session({ kind: 'office', staffUserId: b.admin })
    })
    cookies.cross = `bitewing_portal=${crossSession}`
    cookies.staffOfB = `bitewing_office=${staffSession}`

    const guard = createPortalGuard(suite.db, suite.reads)
    suite.app.get<{ Params: { patientId: string } }>(
      '/api/test/patients/:patientId',
      async (request) => {
        const access = await guard.patient(
          request,
          Number(request.params.patientId),
          'appointments',
        )
        return { patientId: access.patientId }
      },
    )
    const portal = async (practice: Practice, user: number) =>
      `bitewing_portal=${await createSession(suite.db, {
        practiceId: practice.id,
        owner: { kind: 'portal', portalUserId: user },
        idleTimeoutMinutes: 15,
        ip: '127.0.0.1',
        userAgent: undefined,
      })}`
    cookies.mariaA = await portal(a, a.mariaUser)
    cookies.mariaB = await portal(b, b.mariaUser)
    cookies.rosaA = await portal(a, a.rosaUser)
    cookies.adminA = `bitewing_office=${await createSession(suite.db, {
      practiceId: a.id,
      owner: { kind: 'office', staffUserId: a.admin },
      idleTimeoutMinutes: 15,
      ip: '127.0.0.1',
      userAgent: undefined,
    })}`
  })

  const read = (cookie: string | undefined, patientId: number) =>
    suite.app.inject({ url: `/api/test/patients/${patientId}`, headers: { cookie: cookie ?? '' } })

  it("gives each practice's Maria her own family, and the other practice's as 404", async () => {
    // Checks the session context's Portal Settings and practice filters: without them the
    // context's one-row reads find both practices' rows.
    for (const [cookie, own, other] of [
      [cookies.mariaA, a, b],
      [cookies.mariaB, b, a],
    ] as const) {
      for (const id of [own.maria, own.luis]) {
        const response = await read(cookie, id)
        expect(response.statusCode).toBe(200)
        expect(response.json()).toEqual({ patientId: id })
      }
      for (const id of [other.maria, other.luis, other.smith]) {
        const response = await read(cookie, id)
        expect(response.statusCode).toBe(404)
        expect(response.headers['content-type']).toContain('application/problem+json')
      }
    }
  })

  it("refuses a session of A whose portal user is B's (portal_users.practice_id)", async () => {
    expect((await read(cookies.cross, a.smith)).statusCode).toBe(401)
  })

  it("refuses a user of A whose own patient record is B's (self: patients.practice_id)", async () => {
    expect((await read(cookies.linked, b.smith)).statusCode).toBe(401)
  })

  it('ignores a representation recorded under B (patient_representatives.practice_id)', async () => {
    expect((await read(cookies.rosaA, a.rosa)).statusCode).toBe(200)
    expect((await read(cookies.rosaA, a.smith)).statusCode).toBe(404)
  })

  it("ignores a representation of B's patient (represented: patients.practice_id)", async () => {
    expect((await read(cookies.rosaA, b.luis)).statusCode).toBe(404)
  })

  it("keeps the family look-up to the practice's own rows (findAccessiblePatientIds)", async () => {
    expect(await findAccessiblePatientIds(suite.db, a.id, a.rosa)).toEqual([a.rosa])
  })

  const office = (cookie: string | undefined, patientId: number) =>
    suite.app.inject({
      url: `/api/office/patients/${patientId}/access`,
      headers: { cookie: cookie ?? '' },
    })

  it("answers A's staff asking for B's patient by id with 404", async () => {
    expect((await office(cookies.adminA, a.maria)).statusCode).toBe(200)
    const response = await office(cookies.adminA, b.maria)
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toContain('application/problem+json')
  })

  it("finds only A's patients in A's patient search", async () => {
    const response = await suite.app.inject({
      method: 'POST',
      url: '/api/office/patients/search',
      headers: { cookie: cookies.adminA, origin: TEST_ORIGIN },
      payload: { name: 'Garcia' },
    })
    expect(response.statusCode).toBe(200)
    const found = response.json<{ id: number }[]>().map((patient) => patient.id)
    expect(found.sort()).toEqual([a.maria, a.luis].sort())
  })

  it("refuses a session of A naming B's staff member (findActiveStaff)", async () => {
    expect((await office(cookies.staffOfB, b.maria)).statusCode).toBe(401)
    expect((await office(cookies.staffOfB, a.maria)).statusCode).toBe(401)
  })
})
