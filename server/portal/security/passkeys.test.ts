import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { auditRowsOf } from '../../testing/audit.ts'
import { FAMILY_PASSWORD } from '../../testing/fixtures.ts'
import { browserPost, cookieFrom, portalSession, TEST_ORIGIN } from '../../testing/http.ts'
import { portalUserRows } from '../../testing/portal-user-rows.ts'
import { SoftwareAuthenticator } from '../../testing/software-authenticator.ts'
import { useNewcomersApp } from '../../testing/suite.ts'

describeEachDatabase('passkeys for patients', (kind) => {
  const suite = useNewcomersApp(kind, { usernamePrefix: 'maria.key', lastName: 'Passkey' })

  async function signedIn() {
    const username = await suite.newPatient()
    return { username, ...(await portalSession(suite.app, username, FAMILY_PASSWORD)) }
  }

  async function addPasskey(cookie: string, authenticator: SoftwareAuthenticator) {
    const options = await browserPost(
      suite.app,
      '/api/portal/security/passkeys/options',
      {},
      cookie,
    )
    expect(options.statusCode).toBe(200)
    expect(options.json()).toMatchObject({ rp: { id: 'localhost' } })
    const response = authenticator.register(options.json())
    return browserPost(
      suite.app,
      '/api/portal/security/passkeys',
      { label: 'My phone', response },
      cookie,
    )
  }

  async function signInWithPasskey(authenticator: SoftwareAuthenticator, origin = TEST_ORIGIN) {
    const options = await browserPost(suite.app, '/api/portal/session/passkey/options', {})
    expect(options.statusCode).toBe(200)
    const assertion = authenticator.assert(options.json(), origin)
    const response = await browserPost(suite.app, '/api/portal/session/passkey', assertion)
    return { response, assertion }
  }

  async function withPasskey() {
    const person = await signedIn()
    const authenticator = new SoftwareAuthenticator(TEST_ORIGIN)
    const added = await addPasskey(person.cookie, authenticator)
    expect(added.statusCode).toBe(200)
    return { ...person, authenticator, added: added.json() }
  }

  it('adds a passkey with recovery codes, lists it and audits it', async () => {
    const { cookie, added, authenticator } = await withPasskey()
    expect(added.codes).toHaveLength(10)
    const security = await suite.app.inject({
      method: 'GET',
      url: '/api/portal/security',
      headers: { cookie },
    })
    expect(security.json().factors).toEqual([
      expect.objectContaining({ id: added.id, kind: 'passkey', label: 'My phone' }),
    ])
    const row = await suite.db
      .selectFrom('second_factors')
      .selectAll()
      .where('id', '=', added.id)
      .executeTakeFirstOrThrow()
    expect(row.credential_id).toBe(authenticator.id)
    const [audit] = await auditRowsOf(suite.db, 'portal.second_factor_added', added.id)
    expect(audit?.details).toMatchObject({ kind: 'passkey' })
    // The same authenticator again: the challenge is new, the credential is not.
    expect((await addPasskey(cookie, authenticator)).statusCode).toBe(400)
  })

  it('signs in with the passkey alone, once per challenge', async () => {
    const { authenticator } = await withPasskey()
    const { response, assertion } = await signInWithPasskey(authenticator)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ stage: 'ready' })
    expect(cookieFrom(response, 'bitewing_portal')).toBeTruthy()
    // The same signed answer again (a replay): its challenge is used up.
    const replay = await browserPost(suite.app, '/api/portal/session/passkey', assertion)
    expect(replay.statusCode).toBe(400)
    const actions = await suite.db
      .selectFrom('audit_events')
      .select(['action', 'outcome'])
      .where('action', '=', 'portal.passkey_sign_in')
      .orderBy('id', 'desc')
      .limit(2)
      .execute()
    expect(actions.map((row) => row.outcome)).toEqual(['failure', 'success'])
  })

  it('refuses another origin, a lapsed challenge, an unverified user and a counter that went back', async () => {
    const { authenticator } = await withPasskey()
    expect(
      (await signInWithPasskey(authenticator, 'https://evil.example')).response.statusCode,
    ).toBe(400)

    const options = await browserPost(suite.app, '/api/portal/session/passkey/options', {})
    await suite.db
      .updateTable('passkey_challenges')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute()
    const late = authenticator.assert(options.json())
    expect((await browserPost(suite.app, '/api/portal/session/passkey', late)).statusCode).toBe(400)

    const person = await signedIn()
    const counting = new SoftwareAuthenticator(TEST_ORIGIN, { counter: true })
    expect((await addPasskey(person.cookie, counting)).statusCode).toBe(200)
    expect((await signInWithPasskey(counting)).response.statusCode).toBe(200)
    expect((await signInWithPasskey(counting)).response.statusCode).toBe(200)
    counting.signCount = 0 // a clone of the authenticator, from before those two sign-ins
    expect((await signInWithPasskey(counting)).response.statusCode).toBe(400)

    const other = await signedIn()
    const unverified = new SoftwareAuthenticator(TEST_ORIGIN, { userVerified: false })
    expect((await addPasskey(other.cookie, unverified)).statusCode).toBe(400)
  })

  it('throttles passkey answers like passwords', async () => {
    const { authenticator } = await withPasskey()
    const statuses: number[] = []
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const wrong = authenticator.assert({ challenge: 'not-one-of-ours' })
      statuses.push((await browserPost(suite.app, '/api/portal/session/passkey', wrong)).statusCode)
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429])
    expect((await signInWithPasskey(authenticator)).response.statusCode).toBe(429)
  })

  it('makes one address wait after many sign-in challenges (each is a row written)', async () => {
    const ask = () => browserPost(suite.app, '/api/portal/session/passkey/options', {})
    for (let asked = 0; asked < 60; asked++) expect((await ask()).statusCode).toBe(200)
    const refused = await ask()
    expect(refused.statusCode).toBe(429)
    expect(refused.headers['retry-after']).toBeDefined()
  })

  it('answers the second-factor step after the password, and the passkey can be renamed and removed', async () => {
    const { username, authenticator, cookie, added } = await withPasskey()
    const password = await browserPost(suite.app, '/api/portal/session', {
      username,
      password: FAMILY_PASSWORD,
    })
    expect(password.json()).toMatchObject({ stage: 'second-factor' })
    const owing = cookieFrom(password, 'bitewing_portal')
    const options = await browserPost(
      suite.app,
      '/api/portal/session/second-factor/passkey/options',
      {},
      owing,
    )
    expect(options.json().allowCredentials).toEqual([
      expect.objectContaining({ id: authenticator.id }),
    ])
    const answer = await browserPost(
      suite.app,
      '/api/portal/session/second-factor/passkey',
      { response: authenticator.assert(options.json()) },
      owing,
    )
    expect(answer.statusCode).toBe(200)
    expect(answer.json()).toMatchObject({ stage: 'ready' })

    const renamed = await suite.app.inject({
      method: 'PATCH',
      url: `/api/portal/security/passkeys/${added.id}`,
      headers: { cookie, origin: TEST_ORIGIN },
      payload: { label: 'Laptop' },
    })
    expect(renamed.statusCode).toBe(204)
    // Someone else's passkey is not found, and nothing changes.
    const stranger = await signedIn()
    const foreign = await suite.app.inject({
      method: 'DELETE',
      url: `/api/portal/security/passkeys/${added.id}`,
      headers: { cookie: stranger.cookie, origin: TEST_ORIGIN },
    })
    expect(foreign.statusCode).toBe(404)
    const removed = await suite.app.inject({
      method: 'DELETE',
      url: `/api/portal/security/passkeys/${added.id}`,
      headers: { cookie, origin: TEST_ORIGIN },
    })
    expect(removed.statusCode).toBe(204)
    expect((await signInWithPasskey(authenticator)).response.statusCode).toBe(400)
    expect(await portalUserRows(suite.db, 'recovery_codes', username).execute()).toEqual([])
  })

  it('keeps one passkey when two removals of the last two race under a required factor', async () => {
    const person = await withPasskey()
    const second = new SoftwareAuthenticator(TEST_ORIGIN)
    const other = await addPasskey(person.cookie, second)
    expect(other.statusCode).toBe(200)
    const setPolicy = (policy: 'optional' | 'required') =>
      suite.db
        .updateTable('portal_settings')
        .set({ second_factor_patients: policy })
        .where('practice_id', '=', suite.practiceId)
        .execute()
    await setPolicy('required')
    try {
      await suite.settle()
      const remove = (id: number) =>
        suite.app.inject({
          method: 'DELETE',
          url: `/api/portal/security/passkeys/${id}`,
          headers: { cookie: person.cookie, origin: TEST_ORIGIN },
        })
      const answers = await Promise.all([remove(person.added.id), remove(other.json().id)])
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([204, 409])
      expect(
        await portalUserRows(suite.db, 'second_factors', person.username).execute(),
      ).toHaveLength(1)
    } finally {
      await setPolicy('optional')
      await suite.settle()
    }
  })
})
