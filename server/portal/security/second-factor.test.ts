import { expect, it } from 'vitest'
import { totpCode } from '../../platform/auth/second-factor/rules.ts'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { FAMILY_PASSWORD, updatePatient } from '../../testing/fixtures.ts'
import { browserPost, cookieFrom, portalSession } from '../../testing/http.ts'
import { portalUserRows } from '../../testing/portal-user-rows.ts'
import { signedInStaff, useNewcomersApp } from '../../testing/suite.ts'

const STEP_MS = 30_000

describeEachDatabase('authenticator app and recovery codes', (kind) => {
  const suite = useNewcomersApp(kind, { usernamePrefix: 'maria.', lastName: 'Tester' })
  const signIn = (username: string) => portalSession(suite.app, username, FAMILY_PASSWORD)

  /** Signs in, adds an app, confirms it with the code of now: the key and recovery codes. */
  async function enrolled() {
    const username = await suite.newPatient()
    const { cookie } = await signIn(username)
    const started = await browserPost(suite.app, '/api/portal/security/app', {}, cookie)
    expect(started.statusCode).toBe(200)
    const { key, qrSvg, uri } = started.json()
    expect(qrSvg).toContain('<svg')
    expect(uri).toMatch(/^otpauth:\/\/totp\//)
    const confirmed = await browserPost(
      suite.app,
      '/api/portal/security/app/confirm',
      { code: totpCode(key) },
      cookie,
    )
    expect(confirmed.statusCode).toBe(200)
    const codes: string[] = confirmed.json().codes
    return { username, key, codes }
  }

  const answer = (cookie: string, code: string, remember = false) =>
    browserPost(suite.app, '/api/portal/session/second-factor', { code, remember }, cookie)
  const tab = (cookie: string) =>
    suite.app.inject({ method: 'GET', url: '/api/portal/security', headers: { cookie } })

  it('keeps the key sealed and asks for a code after the password', async () => {
    const { username, key } = await enrolled()
    const stored = await portalUserRows(
      suite.db,
      'second_factors',
      username,
    ).executeTakeFirstOrThrow()
    expect(stored.sealed_secret).not.toContain(key)

    const { cookie, view } = await signIn(username)
    expect(view).toMatchObject({ stage: 'second-factor', family: [] })
    expect((await tab(cookie)).statusCode).toBe(403)
    expect((await answer(cookie, '000000')).statusCode).toBe(400)
    // The code of the next step: the one of now was used to confirm the app.
    const passed = await answer(cookie, totpCode(key, new Date(Date.now() + STEP_MS)))
    expect(passed.statusCode).toBe(200)
    expect(passed.json().stage).toBe('ready')
    expect((await tab(cookie)).statusCode).toBe(200)
  })

  it('refuses a code used already, even in another session', async () => {
    const { username, key } = await enrolled()
    const code = totpCode(key, new Date(Date.now() + STEP_MS))
    const first = await signIn(username)
    expect((await answer(first.cookie, code)).statusCode).toBe(200)
    const second = await signIn(username)
    expect((await answer(second.cookie, code)).statusCode).toBe(400)
  })

  it('lets one of a parallel burst of the same code through', async () => {
    const { username, key } = await enrolled()
    const code = totpCode(key, new Date(Date.now() + STEP_MS))
    const sessions = await Promise.all(Array.from({ length: 4 }, () => signIn(username)))
    const answers = await Promise.all(sessions.map(({ cookie }) => answer(cookie, code)))
    expect(answers.filter((response) => response.statusCode === 200)).toHaveLength(1)
  })

  it('throttles wrong codes like passwords, counted before they are checked', async () => {
    const { username } = await enrolled()
    const { cookie } = await signIn(username)
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, index) => answer(cookie, String(100000 + index))),
    )
    const checked = answers.filter((response) => response.statusCode === 400)
    const waiting = answers.filter((response) => response.statusCode === 429)
    expect(checked.length).toBeLessThanOrEqual(5)
    expect(checked.length + waiting.length).toBe(15)
    expect(waiting[0]?.headers['retry-after']).toBeDefined()
  })

  it('takes each recovery code once', async () => {
    const { username, codes } = await enrolled()
    expect(codes).toHaveLength(10)
    const code = codes[0] ?? ''
    const first = await signIn(username)
    expect((await answer(first.cookie, code.toUpperCase())).statusCode).toBe(200)
    const second = await signIn(username)
    expect((await answer(second.cookie, code)).statusCode).toBe(400)
    const left = await tab(first.cookie)
    expect(left.json().recoveryCodesLeft).toBe(9)
  })

  const signInRemembered = (username: string, remember: string) =>
    browserPost(suite.app, '/api/portal/session', { username, password: FAMILY_PASSWORD }, remember)

  it('remembers this browser for 30 days when asked', async () => {
    const { username, key } = await enrolled()
    const first = await signIn(username)
    const passed = await answer(first.cookie, totpCode(key, new Date(Date.now() + STEP_MS)), true)
    const remember = cookieFrom(passed, 'bitewing_portal_remember')
    const again = await signInRemembered(username, remember)
    expect(again.json().stage).toBe('ready')

    // "Sign out everywhere else" forgets remembered browsers: the code is asked for again.
    const signedOut = await browserPost(
      suite.app,
      '/api/portal/security/sign-out-others',
      {},
      cookieFrom(again, 'bitewing_portal'),
    )
    expect(signedOut.statusCode).toBe(204)
    const afterwards = await signInRemembered(username, remember)
    expect(afterwards.json().stage).toBe('second-factor')
  })

  it('lets the office reset it: audited, the patient emailed, the password alone signs in', async () => {
    const { username } = await enrolled()
    const { cookie: admin } = await signedInStaff(suite, {
      practiceId: suite.practiceId,
      username: 'reset.admin',
    })
    const user = await suite.db
      .selectFrom('portal_users')
      .select(['patient_id'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
    await updatePatient(suite.db, user.patient_id, { email: 'maria@example.test' })
    const reset = await browserPost(
      suite.app,
      `/api/office/patients/${user.patient_id}/access/second-factor-reset`,
      {},
      admin,
    )
    expect(reset.statusCode).toBe(200)
    expect((await signIn(username)).view.stage).toBe('ready')
    const audited = await suite.db
      .selectFrom('audit_events')
      .select('staff_user_id')
      .where('action', '=', 'access.second_factor_reset')
      .where('patient_id', '=', user.patient_id)
      .executeTakeFirst()
    expect(audited?.staff_user_id).not.toBeNull()
    const email = await suite.db
      .selectFrom('outgoing_emails')
      .select(['subject'])
      .where('to_address', '=', 'maria@example.test')
      .where('kind', '=', 'second-factor-reset')
      .executeTakeFirst()
    expect(email?.subject).toBe('Your two-step sign-in was reset')
  })

  it('asks a patient without an app to add one when the practice requires it', async () => {
    const username = await suite.newPatient()
    await suite.db
      .updateTable('portal_settings')
      .set({ second_factor_patients: 'required' })
      .where('practice_id', '=', suite.practiceId)
      .execute()
    try {
      const { cookie, view } = await signIn(username)
      expect(view.stage).toBe('second-factor-setup')
      expect((await tab(cookie)).statusCode).toBe(403)
      const { key } = (await browserPost(suite.app, '/api/portal/security/app', {}, cookie)).json()
      const confirmed = await browserPost(
        suite.app,
        '/api/portal/security/app/confirm',
        { code: totpCode(key) },
        cookie,
      )
      expect(confirmed.json().session.stage).toBe('ready')
      expect((await tab(cookie)).statusCode).toBe(200)
    } finally {
      await suite.db
        .updateTable('portal_settings')
        .set({ second_factor_patients: 'optional' })
        .where('practice_id', '=', suite.practiceId)
        .execute()
    }
  })

  it('lets one recovery code through once when four sign-ins send it at the same moment', async () => {
    const { username, codes } = await enrolled()
    const waiting = []
    for (let i = 0; i < 4; i += 1) waiting.push((await signIn(username)).cookie)
    const answers = await Promise.all(waiting.map((cookie) => answer(cookie, codes[0] ?? '')))
    expect(answers.map((response) => response.statusCode).sort()).toEqual([200, 400, 400, 400])
  })

  it('confirms an app once when the same code is sent twice at the same moment', async () => {
    const username = await suite.newPatient()
    const { cookie } = await signIn(username)
    const started = await browserPost(suite.app, '/api/portal/security/app', {}, cookie)
    const code = totpCode(started.json().key)
    const confirm = () =>
      browserPost(suite.app, '/api/portal/security/app/confirm', { code }, cookie)
    const answers = await Promise.all([confirm(), confirm()])
    // The loser is refused: its code's step is used (400) or the app is confirmed already (409).
    const [won, lost] = answers.map((response) => response.statusCode).sort()
    expect(won).toBe(200)
    expect([400, 409]).toContain(lost)
    expect(await portalUserRows(suite.db, 'recovery_codes', username).execute()).toHaveLength(10)
  })
})
