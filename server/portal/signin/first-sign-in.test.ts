import { beforeAll, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { auditRowsOf } from '../../testing/audit.ts'
import { seedPortalPatient, seedPractice, seedStaff } from '../../testing/fixtures.ts'
import { officeSignIn, portalSignIn, TEST_ORIGIN } from '../../testing/http.ts'
import { OFFICE_TEAM, useTestApp } from '../../testing/suite.ts'

describeEachDatabase('first sign-in and personal-information checks', (kind) => {
  const suite = useTestApp(kind)
  let practiceId = 0
  let zoeId = 0

  beforeAll(async () => {
    const { db } = suite
    practiceId = await seedPractice(db)
    await seedPortalPatient(db, {
      practiceId,
      first_name: 'Nora',
      last_name: 'Quinn',
      username: 'new.patient',
      password: 'Welcome-2024',
      temporary: true,
    })
    await seedPortalPatient(db, {
      practiceId,
      first_name: 'Tom',
      last_name: 'Taken',
      username: 'tom.taken',
      password: 'tom password 1',
    })
    const zoe = await seedPortalPatient(db, {
      practiceId,
      first_name: 'Zoë',
      last_name: 'Ñúñez',
      birthdate: '1990-07-14',
      username: 'zoe',
      password: 'zoe password 1',
    })
    zoeId = zoe.patientId
    await seedStaff(suite.db, { practiceId, ...OFFICE_TEAM.desk })
  })

  const post = (url: string, payload: object, cookie: string) =>
    suite.app.inject({ method: 'POST', url, payload, headers: { origin: TEST_ORIGIN, cookie } })
  const session = async (cookie: string) =>
    (await suite.app.inject({ url: '/api/portal/session', headers: { cookie } })).json()
  /** The identity check answered "locked", and the session that asked for it is signed out. */
  async function expectVerificationLocked(
    answer: Awaited<ReturnType<typeof post>>,
    cookie: string,
  ) {
    expect(answer.statusCode).toBe(403)
    expect(answer.json()).toMatchObject({ type: '/problems/verification-locked' })
    const asked = await suite.app.inject({ url: '/api/portal/session', headers: { cookie } })
    expect(asked.statusCode).toBe(401)
  }

  it('makes the one-time password holder set a new password, offering a new user name once', async () => {
    const cookie = await portalSignIn(suite.app, 'new.patient', 'Welcome-2024')
    expect(await session(cookie)).toMatchObject({
      stage: 'change-password',
      canChangeUsername: true,
    })

    const contact = await suite.app.inject({ url: '/api/portal/contact', headers: { cookie } })
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
    // The one-time password cannot be kept as the "new" one.
    const same = await post(
      '/api/portal/first-sign-in',
      { newPassword: 'Welcome-2024', newPasswordAgain: 'Welcome-2024' },
      cookie,
    )
    expect(same.statusCode).toBe(400)
    expect(same.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(same.json().errors.newPassword).toMatch(/not the one-time password/)
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
    expect(
      (await suite.app.inject({ url: '/api/portal/contact', headers: { cookie } })).statusCode,
    ).toBe(200)
  })

  it('no longer accepts the one-time password once it has been replaced', async () => {
    const old = await suite.app.inject({
      method: 'POST',
      url: '/api/portal/session',
      headers: { origin: TEST_ORIGIN },
      payload: { username: 'nora.q', password: 'Welcome-2024' },
    })
    expect(old.statusCode).toBe(401)
    const cookie = await portalSignIn(suite.app, 'nora.q', 'quiet harbour 7')
    expect(await session(cookie)).toMatchObject({ stage: 'ready' })
    const again = await post(
      '/api/portal/first-sign-in',
      { newPassword: 'other harbour 8', newPasswordAgain: 'other harbour 8' },
      cookie,
    )
    expect(again.statusCode).toBe(409)
    const unchanged = await post(
      '/api/portal/password',
      {
        currentPassword: 'quiet harbour 7',
        newPassword: 'quiet harbour 7',
        newPasswordAgain: 'quiet harbour 7',
      },
      cookie,
    )
    expect(unchanged.statusCode).toBe(400)
    expect(unchanged.json().errors.newPassword).toMatch(/not your current one/)
  })

  it('asks for name and birthdate when the practice requires it, and locks out after 3 misses', async () => {
    await suite.db
      .updateTable('portal_settings')
      .set({ verify_personal_info: true, privacy_policy: 'We keep your data safe.' })
      .where('practice_id', '=', practiceId)
      .execute()
    const cookie = await portalSignIn(suite.app, 'zoe', 'zoe password 1')
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

    const second = await portalSignIn(suite.app, 'zoe', 'zoe password 1')
    const wrongBirthdate = () =>
      post(
        '/api/portal/verify',
        { firstName: 'Zoe', lastName: 'Nunez', birthdate: '1990-07-15' },
        second,
      )
    for (const left of ['2 tries', 'One try']) {
      const miss = await wrongBirthdate()
      expect(miss.statusCode).toBe(400)
      expect(miss.json().detail).toContain(left)
    }
    await expectVerificationLocked(await wrongBirthdate(), second)
    expect(await auditRowsOf(suite.db, 'portal.verification_locked')).toHaveLength(1)
    await suite.db
      .updateTable('portal_settings')
      .set({ verify_personal_info: false })
      .where('practice_id', '=', practiceId)
      .execute()
  })

  const verifyAs = (cookie: string, birthdate: string) =>
    post('/api/portal/verify', { firstName: 'Zoe', lastName: 'Nunez', birthdate }, cookie)
  const RIGHT = '1990-07-14'
  // The test above leaves Zoë locked; each test below starts from no misses.
  const clearMisses = () =>
    suite.db
      .updateTable('portal_users')
      .set({ verification_failures: 0, verification_failed_at: null })
      .where('patient_id', '=', zoeId)
      .execute()
  const WRONG = '1990-07-15'

  it('locks the account, not the session, after 3 misses: signing in again gives no new tries', async () => {
    await clearMisses()
    await suite.db
      .updateTable('portal_settings')
      .set({ verify_personal_info: true })
      .where('practice_id', '=', practiceId)
      .execute()
    const first = await portalSignIn(suite.app, 'zoe', 'zoe password 1')
    expect((await verifyAs(first, WRONG)).statusCode).toBe(400)
    expect((await verifyAs(first, WRONG)).statusCode).toBe(400)
    expect((await verifyAs(first, WRONG)).statusCode).toBe(403)

    const again = await portalSignIn(suite.app, 'zoe', 'zoe password 1')
    await expectVerificationLocked(await verifyAs(again, RIGHT), again)

    // The office sees the lock and lifts it; the unlock is audited.
    const office = await officeSignIn(
      suite.app,
      OFFICE_TEAM.desk.username,
      OFFICE_TEAM.desk.password,
    )
    const seen = await suite.app.inject({
      url: `/api/office/patients/${zoeId}/access`,
      headers: { cookie: office },
    })
    expect(seen.json().access).toMatchObject({ verificationLocked: true })
    const unlocked = await post(`/api/office/patients/${zoeId}/access/unlock`, {}, office)
    expect(unlocked.statusCode).toBe(200)
    expect(unlocked.json().access).toMatchObject({ verificationLocked: false })
    const audit = await suite.db
      .selectFrom('audit_events')
      .select(['action', 'patient_id'])
      .where('action', '=', 'access.verification_unlocked')
      .execute()
    expect(audit).toEqual([{ action: 'access.verification_unlocked', patient_id: zoeId }])

    const third = await portalSignIn(suite.app, 'zoe', 'zoe password 1')
    expect((await verifyAs(third, RIGHT)).statusCode).toBe(200)
  })

  it('lets a locked account try again once the lock has run out', async () => {
    await clearMisses()
    const cookie = await portalSignIn(suite.app, 'zoe', 'zoe password 1')
    for (const expected of [400, 400, 403]) {
      expect((await verifyAs(cookie, WRONG)).statusCode).toBe(expected)
    }
    await suite.db
      .updateTable('portal_users')
      .set({ verification_failed_at: new Date(Date.now() - 25 * 3_600_000) })
      .where('patient_id', '=', zoeId)
      .execute()
    const later = await portalSignIn(suite.app, 'zoe', 'zoe password 1')
    expect((await verifyAs(later, RIGHT)).statusCode).toBe(200)
  })

  it('counts a parallel burst of answers on the account: never more than 3 are compared', async () => {
    await clearMisses()
    const sessions = await Promise.all([
      portalSignIn(suite.app, 'zoe', 'zoe password 1'),
      portalSignIn(suite.app, 'zoe', 'zoe password 1'),
    ])
    const before = await suite.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow()
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, index) => verifyAs(sessions[index % 2] ?? '', WRONG)),
    )
    const misses = answers.filter((answer) => answer.statusCode === 400)
    expect(misses.length).toBe(2)
    // The rest: refused as locked, or (once the lock signed that session out) no session.
    for (const answer of answers) expect([400, 401, 403]).toContain(answer.statusCode)
    const row = await suite.db
      .selectFrom('portal_users')
      .select('verification_failures')
      .where('patient_id', '=', zoeId)
      .executeTakeFirstOrThrow()
    expect(row.verification_failures).toBe(3)
    const audited = await suite.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', 'in', ['portal.personal_info_verified', 'portal.verification_locked'])
      .where('outcome', '=', 'failure')
      .where('id', '>', Number(before.id ?? 0))
      .execute()
    expect(
      audited.filter((event) => JSON.stringify(event.details).includes('failures')),
    ).toHaveLength(3)
  })
})
