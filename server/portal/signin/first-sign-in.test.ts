import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Database } from '../../platform/db/database.ts'
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '../../platform/db/testing.ts'
import { seedPatient, seedPortalUser, seedPractice } from '../../testing/fixtures.ts'
import { buildTestApp, portalSignIn, TEST_ORIGIN } from '../../testing/http.ts'

describeEachDatabase('first sign-in and personal-information checks', (kind) => {
  let database: TestDatabase
  let db: Database
  let app: FastifyInstance
  let close: () => Promise<void>
  let practiceId = 0

  beforeAll(async () => {
    database = await createTestDatabase(kind)
    db = database.db
    practiceId = await seedPractice(db, 'Maple Grove Dental')
    const newPatient = await seedPatient(db, practiceId, { first_name: 'Nora', last_name: 'Quinn' })
    await seedPortalUser(db, practiceId, newPatient, 'new.patient', 'Welcome-2024', {
      temporary: true,
    })
    const taken = await seedPatient(db, practiceId, { first_name: 'Tom', last_name: 'Taken' })
    await seedPortalUser(db, practiceId, taken, 'tom.taken', 'tom password 1')
    const zoe = await seedPatient(db, practiceId, {
      first_name: 'Zoë',
      last_name: 'Ñúñez',
      birthdate: '1990-07-14',
    })
    await seedPortalUser(db, practiceId, zoe, 'zoe', 'zoe password 1')
    const built = await buildTestApp(database)
    app = built.app
    close = built.close
  })
  afterAll(async () => {
    await close()
    await database.destroy()
  })

  const post = (url: string, payload: object, cookie: string) =>
    app.inject({ method: 'POST', url, payload, headers: { origin: TEST_ORIGIN, cookie } })
  const session = async (cookie: string) =>
    (await app.inject({ url: '/api/portal/session', headers: { cookie } })).json()

  it('makes the one-time password holder set a new password, offering a new user name once', async () => {
    const cookie = await portalSignIn(app, 'new.patient', 'Welcome-2024')
    expect(await session(cookie)).toMatchObject({
      stage: 'change-password',
      canChangeUsername: true,
    })

    const contact = await app.inject({ url: '/api/portal/contact', headers: { cookie } })
    expect(contact.statusCode).toBe(403)
    expect(contact.json()).toMatchObject({ type: '/problems/sign-in-incomplete' })

    const taken = await post(
      '/api/portal/first-sign-in',
      {
        newPassword: 'quiet harbour 7',
        newPasswordAgain: 'quiet harbour 7',
        newUsername: 'TOM.TAKEN',
      },
      cookie,
    )
    expect(taken.statusCode).toBe(400)
    expect(taken.json().errors.newUsername).toMatch(/taken/)
    const badName = await post(
      '/api/portal/first-sign-in',
      {
        newPassword: 'quiet harbour 7',
        newPasswordAgain: 'quiet harbour 7',
        newUsername: 'no spaces',
      },
      cookie,
    )
    expect(badName.json().errors).toHaveProperty('newUsername')
    const common = await post(
      '/api/portal/first-sign-in',
      { newPassword: 'iloveyou1', newPasswordAgain: 'iloveyou1' },
      cookie,
    )
    expect(common.json().errors.newPassword).toMatch(/common/)
    expect(await session(cookie)).toMatchObject({
      stage: 'change-password',
      username: 'new.patient',
    })

    const done = await post(
      '/api/portal/first-sign-in',
      {
        newPassword: 'quiet harbour 7',
        newPasswordAgain: 'quiet harbour 7',
        newUsername: 'nora.q',
      },
      cookie,
    )
    expect(done.statusCode).toBe(200)
    expect(done.json()).toMatchObject({
      stage: 'ready',
      username: 'nora.q',
      canChangeUsername: false,
    })
    expect((await app.inject({ url: '/api/portal/contact', headers: { cookie } })).statusCode).toBe(
      200,
    )
  })

  it('no longer accepts the one-time password once it has been replaced', async () => {
    const old = await app.inject({
      method: 'POST',
      url: '/api/portal/session',
      headers: { origin: TEST_ORIGIN },
      payload: { username: 'nora.q', password: 'Welcome-2024' },
    })
    expect(old.statusCode).toBe(401)
    const cookie = await portalSignIn(app, 'nora.q', 'quiet harbour 7')
    expect(await session(cookie)).toMatchObject({ stage: 'ready' })
    const again = await post(
      '/api/portal/first-sign-in',
      { newPassword: 'other harbour 8', newPasswordAgain: 'other harbour 8' },
      cookie,
    )
    expect(again.statusCode).toBe(409)
  })

  it('asks for name and birthdate when the practice requires it, and locks out after 3 misses', async () => {
    await db
      .updateTable('portal_settings')
      .set({ verify_personal_info: true, privacy_policy: 'We keep your data safe.' })
      .where('practice_id', '=', practiceId)
      .execute()
    const cookie = await portalSignIn(app, 'zoe', 'zoe password 1')
    expect(await session(cookie)).toMatchObject({
      stage: 'verify',
      privacyPolicy: 'We keep your data safe.',
    })
    const matched = await post(
      '/api/portal/verify',
      { firstName: 'zoe', lastName: 'NUNEZ', birthdate: '1990-07-14' },
      cookie,
    )
    expect(matched.statusCode).toBe(200)
    expect(matched.json()).toMatchObject({ stage: 'ready' })

    const second = await portalSignIn(app, 'zoe', 'zoe password 1')
    for (const left of ['2 tries', 'One try']) {
      const miss = await post(
        '/api/portal/verify',
        { firstName: 'Zoe', lastName: 'Nunez', birthdate: '1990-07-15' },
        second,
      )
      expect(miss.statusCode).toBe(400)
      expect(miss.json().detail).toContain(left)
    }
    const locked = await post(
      '/api/portal/verify',
      { firstName: 'Zoe', lastName: 'Nunez', birthdate: '1990-07-15' },
      second,
    )
    expect(locked.statusCode).toBe(403)
    expect(locked.json()).toMatchObject({ type: '/problems/verification-locked' })
    expect(
      (await app.inject({ url: '/api/portal/session', headers: { cookie: second } })).statusCode,
    ).toBe(401)
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'portal.verification_locked')
      .execute()
    expect(audit).toHaveLength(1)
    await db
      .updateTable('portal_settings')
      .set({ verify_personal_info: false })
      .where('practice_id', '=', practiceId)
      .execute()
  })
})
