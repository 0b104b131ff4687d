import { afterAll, beforeAll, expect, it } from 'vitest'
import { createBackgroundWorker } from '../../background.ts'
import { hashPassword } from '../../platform/auth/passwords.ts'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { auditRowsOf } from '../../testing/audit.ts'
import { FAMILY_PASSWORD, seedPortalPatient, seedPractice } from '../../testing/fixtures.ts'
import { browserPost, cookieFrom, portalSignIn, TEST_ORIGIN } from '../../testing/http.ts'
import { type LoopbackSmtp, readableText, startLoopbackSmtp } from '../../testing/smtp.ts'
import { clearThrottlesBeforeEach, useTestApp } from '../../testing/suite.ts'

describeEachDatabase('patient sign-in', (kind) => {
  const suite = useTestApp(kind)
  let smtp: LoopbackSmtp
  let practiceId = 0
  let luisId = 0

  beforeAll(async () => {
    practiceId = await seedPractice(suite.db)
    const luis = await seedPortalPatient(suite.db, {
      practiceId,
      first_name: 'Luis',
      last_name: 'García',
      birthdate: '1984-02-29',
      email: 'luis@example.test',
      username: 'luis.garcia',
    })
    luisId = luis.patientId
    smtp = await startLoopbackSmtp()
  })
  afterAll(() => smtp.close())
  clearThrottlesBeforeEach(suite)

  const post = (url: string, payload: object, cookie?: string) =>
    browserPost(suite.app, url, payload, cookie)

  /** Sends the queued emails over SMTP; the reset code is only in the copy the patient gets. */
  async function emailedResetCode() {
    const worker = createBackgroundWorker({
      db: suite.db,
      files: suite.files,
      config: { smtpUrl: smtp.url, mailFrom: 'test@example.test' },
      secrets: suite.secrets,
    })
    const sent = await worker.runDue()
    const newest = smtp.received.at(-1)
    return {
      sent,
      newest,
      code: /code is: (\d{6,8})/.exec(newest ? readableText(newest) : '')?.[1] ?? '',
    }
  }

  it('signs in with a case-insensitive user name and a case-sensitive password', async () => {
    const response = await post('/api/portal/session', {
      username: 'Luis.Garcia',
      password: FAMILY_PASSWORD,
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ stage: 'ready', username: 'luis.garcia' })
    const setCookie = String(response.headers['set-cookie'])
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Lax')
    expect(setCookie).toContain('Secure')
    const wrongCase = await post('/api/portal/session', {
      username: 'luis.garcia',
      password: FAMILY_PASSWORD.toUpperCase(),
    })
    expect(wrongCase.statusCode).toBe(401)
  })

  it('answers a wrong password and an unknown user name the same way', async () => {
    const wrong = await post('/api/portal/session', { username: 'luis.garcia', password: 'nope' })
    const unknown = await post('/api/portal/session', { username: 'nobody.here', password: 'nope' })
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrong.body).toBe(unknown.body)
    expect(wrong.json()).toMatchObject({ type: '/problems/sign-in-failed' })
  })

  it('makes a user name wait after five failures, saying nothing about whether it exists', async () => {
    for (const username of ['luis.garcia', 'ghost.user']) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const response = await post('/api/portal/session', { username, password: 'wrong' })
        expect(response.statusCode).toBe(401)
      }
      const blocked = await post('/api/portal/session', { username, password: FAMILY_PASSWORD })
      expect(blocked.statusCode).toBe(429)
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0)
      expect(blocked.json().detail).toMatch(/try again/)
    }
    expect((await auditRowsOf(suite.db, 'portal.sign_in_throttled')).length).toBeGreaterThanOrEqual(
      2,
    )
  })

  it('audits sign-ins and failures without passwords', async () => {
    const events = await suite.db
      .selectFrom('audit_events')
      .select(['action', 'outcome', 'details'])
      .where('action', '=', 'portal.sign_in')
      .execute()
    expect(events.some((event) => event.outcome === 'success')).toBe(true)
    expect(events.some((event) => event.outcome === 'failure')).toBe(true)
    expect(JSON.stringify(events)).not.toContain(FAMILY_PASSWORD)
  })

  it('signs out on the server: the old cookie no longer works', async () => {
    const cookie = await portalSignIn(suite.app, 'luis.garcia', FAMILY_PASSWORD)
    expect(
      (await suite.app.inject({ url: '/api/portal/session', headers: { cookie } })).statusCode,
    ).toBe(200)
    const out = await suite.app.inject({
      method: 'DELETE',
      url: '/api/portal/session',
      headers: { cookie, origin: TEST_ORIGIN },
    })
    expect(out.statusCode).toBe(204)
    expect(
      (await suite.app.inject({ url: '/api/portal/session', headers: { cookie } })).statusCode,
    ).toBe(401)
  })

  it('ends a session left idle longer than the practice allows', async () => {
    const cookie = await portalSignIn(suite.app, 'luis.garcia', FAMILY_PASSWORD)
    await suite.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 16 * 60_000) })
      .where('ended_at', 'is', null)
      .execute()
    await suite.settle() // written as another instance would; this one hears of it by notification
    const response = await suite.app.inject({ url: '/api/portal/session', headers: { cookie } })
    expect(response.statusCode).toBe(401)
  })

  it('changes the password with the current one, and refuses common ones', async () => {
    const cookie = await portalSignIn(suite.app, 'luis.garcia', FAMILY_PASSWORD)
    const otherBrowser = await portalSignIn(suite.app, 'luis.garcia', FAMILY_PASSWORD)
    const sessionOf = async (browser: string) =>
      (await suite.app.inject({ url: '/api/portal/session', headers: { cookie: browser } }))
        .statusCode
    const wrongCurrent = await post(
      '/api/portal/password',
      { currentPassword: 'nope', newPassword: 'x', newPasswordAgain: 'x' },
      cookie,
    )
    expect(wrongCurrent.json().errors).toHaveProperty('currentPassword')
    const common = await post(
      '/api/portal/password',
      { currentPassword: FAMILY_PASSWORD, newPassword: 'password1', newPasswordAgain: 'password1' },
      cookie,
    )
    expect(common.statusCode).toBe(400)
    expect(common.json().errors.newPassword).toMatch(/common/)
    const changed = await post(
      '/api/portal/password',
      {
        currentPassword: FAMILY_PASSWORD,
        newPassword: 'new maple leaf',
        newPasswordAgain: 'new maple leaf',
      },
      cookie,
    )
    expect(changed.statusCode).toBe(204)
    // The browser that changed it stays signed in; others signed in with the old one do not.
    expect(await sessionOf(cookie)).toBe(200)
    expect(await sessionOf(otherBrowser)).toBe(401)
    await portalSignIn(suite.app, 'luis.garcia', 'new maple leaf')
    const back = await post(
      '/api/portal/password',
      {
        currentPassword: 'new maple leaf',
        newPassword: FAMILY_PASSWORD,
        newPasswordAgain: FAMILY_PASSWORD,
      },
      cookie,
    )
    expect(back.statusCode).toBe(204)
  })

  it('resets a forgotten password with a code from the outgoing email', async () => {
    const unknown = await post('/api/public/password-reset', { username: 'nobody.here' })
    const known = await post('/api/public/password-reset', { username: 'LUIS.GARCIA' })
    expect(known.statusCode).toBe(202)
    expect(known.body).toBe(unknown.body)

    const { sent, newest, code } = await emailedResetCode()
    // The request job for each name (only the known one writes an email), then the email's.
    expect(sent).toBe(3)
    expect(newest?.to).toEqual(['luis@example.test'])
    expect(newest?.raw).not.toContain('luis.garcia')
    expect(code).toMatch(/^\d{6,8}$/)

    const complete = (body: object) =>
      post('/api/public/password-reset/complete', {
        username: 'luis.garcia',
        newPassword: 'spring tulips 2026',
        newPasswordAgain: 'spring tulips 2026',
        ...body,
      })
    const wrongCode = await complete({ code: code === '000000' ? '111111' : '000000' })
    expect(wrongCode.statusCode).toBe(400)
    expect(wrongCode.json().errors).toHaveProperty('code')
    const mismatch = await complete({ code, newPasswordAgain: 'something else' })
    expect(mismatch.json().errors).toHaveProperty('newPasswordAgain')
    const done = await complete({ code })
    expect(done.statusCode).toBe(200)
    expect(done.json()).toMatchObject({ stage: 'ready' })
    const cookie = cookieFrom(done, 'bitewing_portal')
    expect(
      (await suite.app.inject({ url: '/api/portal/session', headers: { cookie } })).statusCode,
    ).toBe(200)
    const reused = await complete({ code })
    expect(reused.statusCode).toBe(400)
    await portalSignIn(suite.app, 'luis.garcia', 'spring tulips 2026')
    await suite.db
      .updateTable('portal_users')
      .set({ password_hash: await hashPassword(FAMILY_PASSWORD) })
      .where('patient_id', '=', luisId)
      .execute()
  })

  it('stops accepting a reset code after five wrong tries', async () => {
    await suite.db.deleteFrom('password_reset_codes').execute()
    await post('/api/public/password-reset', { username: 'luis.garcia' })
    const { code } = await emailedResetCode()
    expect(code).toMatch(/^\d{6,8}$/)
    const wrong = code === '000000' ? '111111' : '000000'
    for (let attempt = 0; attempt < 5; attempt++) {
      await suite.db.deleteFrom('attempt_counters').execute()
      await post('/api/public/password-reset/complete', {
        username: 'luis.garcia',
        code: wrong,
        newPassword: 'autumn leaves 99',
        newPasswordAgain: 'autumn leaves 99',
      })
    }
    await suite.db.deleteFrom('attempt_counters').execute()
    const right = await post('/api/public/password-reset/complete', {
      username: 'luis.garcia',
      code,
      newPassword: 'autumn leaves 99',
      newPasswordAgain: 'autumn leaves 99',
    })
    expect(right.statusCode).toBe(400)
  })

  it('shows the practice and every location to anyone, asking nothing', async () => {
    const response = await suite.app.inject({ url: '/api/public/contact' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      practice: { name: 'Maple Grove Dental', phone: '519-555-0100' },
      locations: [],
    })
  })
})
