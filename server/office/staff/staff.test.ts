import { sql } from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { seedPractice, staffColumnOf } from '../../testing/fixtures.ts'
import { officeSignIn, TEST_ORIGIN } from '../../testing/http.ts'
import { signedInOfficeTeam, useTestApp } from '../../testing/suite.ts'

describeEachDatabase('office: staff accounts', (kind) => {
  const suite = useTestApp(kind)
  let admin = ''
  let adminId = 0
  let frontDesk = ''

  beforeAll(async () => {
    const practiceId = await seedPractice(suite.db, { name: 'Maple Grove Dental' })
    const team = await signedInOfficeTeam(suite, practiceId)
    admin = team.admin.cookie
    frontDesk = team.desk.cookie
    adminId = team.admin.id
  })

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
    suite.app.inject({ method, url, payload, headers: { origin: TEST_ORIGIN, cookie } })
  const signInStatus = async (username: string, password: string) =>
    (
      await suite.app.inject({
        method: 'POST',
        url: '/api/office/session',
        headers: { origin: TEST_ORIGIN },
        payload: { username, password },
      })
    ).statusCode
  const sessionStatus = async (cookie: string) =>
    (await call('GET', '/api/office/session', cookie)).statusCode
  const staffIdOf = (username: string) => staffColumnOf(suite.db, username, 'id')
  const create = (username: string, role = 'front_desk', cookie = admin) =>
    call('POST', '/api/office/staff', cookie, { username, displayName: `Name ${username}`, role })
  const setActive = (staffId: number, active: boolean, cookie = admin) =>
    call('PUT', `/api/office/staff/${staffId}/status`, cookie, { active })

  it('is for administrators only', async () => {
    expect((await call('GET', '/api/office/staff', frontDesk)).statusCode).toBe(403)
    expect((await create('sneaky', 'admin', frontDesk)).statusCode).toBe(403)
    expect((await call('GET', '/api/office/staff', '')).statusCode).toBe(401)
  })

  it('creates an account with a one-time password shown once, which signs in', async () => {
    const response = await create('ines.hygiene', 'provider')
    expect(response.statusCode).toBe(201)
    const { username, oneTimePassword } = response.json()
    expect(username).toBe('ines.hygiene')
    expect(await signInStatus(username, oneTimePassword)).toBe(200)
    const list = await call('GET', '/api/office/staff', admin)
    expect(list.body).not.toContain(oneTimePassword)
    expect(list.body).not.toMatch(/argon2|hash/i)
    expect(list.json()).toContainEqual({
      id: await staffIdOf('ines.hygiene'),
      username: 'ines.hygiene',
      displayName: 'Name ines.hygiene',
      role: 'provider',
      active: true,
      lastSignInAt: expect.any(String),
    })
    const audit = await suite.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'staff.created')
      .execute()
    expect(audit).toHaveLength(1)
    // Who did it, to which account, from where: the administrator's request.
    expect(audit[0]).toMatchObject({
      actor_type: 'staff_user',
      staff_user_id: adminId,
      target_type: 'staff_user',
      target_id: String(await staffIdOf(username)),
      ip: '127.0.0.1',
    })
    expect(JSON.stringify(audit)).not.toContain(oneTimePassword)
  })

  it('refuses a taken or malformed user name and an unknown role, creating nothing', async () => {
    const before = (await suite.db.selectFrom('staff_users').select('id').execute()).length
    const taken = await create('INES.hygiene')
    expect(taken.statusCode).toBe(409)
    expect(taken.json().errors).toEqual({ username: 'This user name is taken.' })
    expect((await create('no spaces please')).statusCode).toBe(400)
    expect((await create('valid.name', 'owner')).statusCode).toBe(400)
    expect((await suite.db.selectFrom('staff_users').select('id').execute()).length).toBe(before)
  })

  it('resets a password: a new one-time password, and their sessions end', async () => {
    const { oneTimePassword: first } = (await create('pat.desk')).json()
    const theirs = await officeSignIn(suite.app, 'pat.desk', first)
    const reset = await call(
      'POST',
      `/api/office/staff/${await staffIdOf('pat.desk')}/password`,
      admin,
    )
    expect(reset.statusCode).toBe(200)
    const { oneTimePassword: second } = reset.json()
    expect(second).not.toBe(first)
    expect(await sessionStatus(theirs)).toBe(401)
    expect(await signInStatus('pat.desk', first)).toBe(401)
    expect(await signInStatus('pat.desk', second)).toBe(200)
  })

  it('disables and enables an account; disabling ends its sessions', async () => {
    const { oneTimePassword } = (await create('sam.desk')).json()
    const theirs = await officeSignIn(suite.app, 'sam.desk', oneTimePassword)
    const samId = await staffIdOf('sam.desk')
    const disabled = await setActive(samId, false)
    expect(disabled.json()).toMatchObject({ username: 'sam.desk', active: false })
    expect(await sessionStatus(theirs)).toBe(401)
    expect(await signInStatus('sam.desk', oneTimePassword)).toBe(401)
    expect((await setActive(samId, true)).json()).toMatchObject({ active: true })
    // Enabled again, the old session stays ended: they sign in afresh.
    expect(await sessionStatus(theirs)).toBe(401)
    expect(await signInStatus('sam.desk', oneTimePassword)).toBe(200)
    const actions = await suite.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', String(samId))
      .execute()
    expect(actions.map((row) => row.action)).toEqual([
      'staff.created',
      'staff.disabled',
      'staff.enabled',
    ])
  })

  it('never disables yourself, nor an unknown account', async () => {
    const self = await setActive(adminId, false)
    expect(self.statusCode).toBe(409)
    expect(self.json().detail).toBe('You cannot disable your own account.')
    expect((await setActive(999_999, false)).statusCode).toBe(404)
  })

  it('keeps one active administrator when two disable each other at once', async () => {
    for (let round = 0; round < 3; round++) {
      const name = `second.admin${round}`
      const { oneTimePassword } = (await create(name, 'admin')).json()
      const second = await officeSignIn(suite.app, name, oneTimePassword)
      const own = { newPassword: `${name} own words`, newPasswordAgain: `${name} own words` }
      expect((await call('POST', '/api/office/session/password', second, own)).statusCode).toBe(200)
      const secondId = await staffIdOf(name)
      const [first, other] = await Promise.all([
        setActive(secondId, false, admin),
        setActive(adminId, false, second),
      ])
      const statuses = [first.statusCode, other.statusCode].sort()
      // Whoever is decided first wins; the other is signed out by then or meets the last-admin rule.
      expect(statuses[0]).toBe(200)
      expect(statuses[1]).toBeGreaterThanOrEqual(401)
      const admins = await suite.db
        .selectFrom('staff_users')
        .select('id')
        .where('role', '=', 'admin')
        .where('is_active', '=', true)
        .execute()
      expect(admins).toHaveLength(1)
      if (other.statusCode === 200) {
        // The second administrator won: the first one is back on for the next round, and the
        // second one off, so the next round again starts with one active administrator.
        await suite.db
          .updateTable('staff_users')
          .set({ is_active: sql<boolean>`id = ${adminId}` })
          .where('id', 'in', [adminId, secondId])
          .execute()
        admin = await officeSignIn(suite.app, 'admin', 'admin password 1')
      }
    }
  }, 120_000)
})
