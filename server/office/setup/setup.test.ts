import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { officeSignIn, TEST_ORIGIN } from '../../testing/http.ts'
import { useTestApp } from '../../testing/suite.ts'
import { issueSetupLink, setUpPractice } from './setup.ts'
import { setupBody, tokenOf } from './testing.ts'

describeEachDatabase('first-run setup', (kind) => {
  const suite = useTestApp(kind)

  const post = (payload: object) =>
    suite.app.inject({
      method: 'POST',
      url: '/api/office/setup',
      headers: { origin: TEST_ORIGIN },
      payload,
    })
  const practiceCount = async () =>
    Number(
      (
        await suite.db
          .selectFrom('practices')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const tableCounts = async () => ({
    practices: await practiceCount(),
    staff: (await suite.db.selectFrom('staff_users').select('id').execute()).length,
    clinics: (await suite.db.selectFrom('clinics').select('id').execute()).length,
    usedTokens: (
      await suite.db
        .selectFrom('setup_tokens')
        .select('id')
        .where('used_at', 'is not', null)
        .execute()
    ).length,
  })

  it('offers setup while the database is empty, through a link whose token is kept hashed', async () => {
    const status = await suite.app.inject({ method: 'GET', url: '/api/office/setup' })
    expect(status.json()).toEqual({ needed: true })
    const link = await issueSetupLink(suite.db, 'https://portal.example')
    expect(link).toMatch(/^https:\/\/portal\.example\/office\/setup#token=[\w-]{40,}$/)
    const stored = await suite.db.selectFrom('setup_tokens').select('token_hash').execute()
    expect(stored.map((row) => row.token_hash)).not.toContain(tokenOf(link ?? ''))
  })

  it('refuses bad input field by field with a 400 and changes nothing', async () => {
    const token = tokenOf((await issueSetupLink(suite.db, TEST_ORIGIN)) ?? '')
    const before = await tableCounts()
    const body = setupBody(token, { password: 'password' })
    body.practice.timeZone = 'Mars/Olympus_Mons'
    body.practice.country = 'XX'
    body.practice.currency = 'ZZZ'
    body.locations[0]?.hours.push({ weekday: 1, opens: '11:00', closes: '14:00' })
    body.admin.username = 'a'
    const response = await post(body)
    expect(response.statusCode).toBe(400)
    expect(response.headers['content-type']).toContain('application/problem+json')
    expect(Object.keys(response.json().errors).sort()).toEqual([
      'admin.password',
      'admin.username',
      'locations.0.hours.0',
      'locations.0.hours.1',
      'locations.0.hours.2',
      'practice.country',
      'practice.currency',
      'practice.timeZone',
    ])
    const noLocation = await post({ ...setupBody(token), locations: [] })
    expect(noLocation.statusCode).toBe(400)
    expect(await tableCounts()).toEqual(before)
  })

  it('refuses a token it never issued, and changes nothing', async () => {
    const before = await tableCounts()
    const response = await post(setupBody('not-a-token-it-issued'))
    expect(response.statusCode).toBe(403)
    expect(await tableCounts()).toEqual(before)
  })

  it('lets exactly one of a burst of setups win, each with a valid token', async () => {
    const tokens = await Promise.all(
      [1, 2, 3].map(async () => tokenOf((await issueSetupLink(suite.db, TEST_ORIGIN)) ?? '')),
    )
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        post(setupBody(tokens[index % tokens.length] ?? '', { practiceName: `Practice ${index}` })),
      ),
    )
    const statuses = burst.map((response) => response.statusCode)
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status !== 201).every((s) => s === 409)).toBe(true)
    expect(await practiceCount()).toBe(1)
    // Every link printed so far is used up with it.
    const unused = await suite.db.selectFrom('setup_tokens').where('used_at', 'is', null).execute()
    expect(unused).toEqual([])
  }, 120_000)

  it('signs the new administrator in, and the portal serves the new practice', async () => {
    const winner = await suite.db.selectFrom('practices').selectAll().executeTakeFirstOrThrow()
    expect(winner).toMatchObject({ time_zone: 'America/Toronto', country: 'CA', currency: 'CAD' })
    const cookie = await officeSignIn(suite.app, 'owner', 'harbour street owner')
    const session = await suite.app.inject({
      method: 'GET',
      url: '/api/office/session',
      headers: { cookie },
    })
    expect(session.json()).toMatchObject({ role: 'admin', practiceName: winner.name })
    // A new practice's administrators add a second factor before anything else.
    expect(session.json()).toMatchObject({ secondFactor: 'enroll' })
    const settings = await suite.db
      .selectFrom('portal_settings')
      .select(['second_factor_admins', 'second_factor_patients'])
      .where('practice_id', '=', winner.id)
      .executeTakeFirstOrThrow()
    expect(settings).toEqual({ second_factor_admins: true, second_factor_patients: 'optional' })
    const contact = await suite.app.inject({ method: 'GET', url: '/api/public/contact' })
    expect(contact.statusCode).toBe(200)
    expect(contact.json().locations).toHaveLength(1)
    const audit = await suite.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('action', '=', 'practice.set_up')
      .execute()
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit)).not.toContain('harbour street owner')
  })

  it('is refused once a practice exists, by link and by command, and offers no new link', async () => {
    expect((await suite.app.inject({ method: 'GET', url: '/api/office/setup' })).json()).toEqual({
      needed: false,
    })
    expect(await issueSetupLink(suite.db, TEST_ORIGIN)).toBeNull()
    const again = await post(setupBody('any-token'))
    expect(again.statusCode).toBe(409)
    const { token: _token, ...setup } = setupBody('')
    await expect(setUpPractice(suite.db, setup, { token: null })).rejects.toMatchObject({
      status: 409,
    })
    expect(await practiceCount()).toBe(1)
  })
})
