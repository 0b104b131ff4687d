import { beforeAll, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { seedPractice, seedStaff, staffColumnOf } from '../../testing/fixtures.ts'
import { browserPost, officeSignIn } from '../../testing/http.ts'
import { signedInStaff, useTestApp } from '../../testing/suite.ts'

const ONE_TIME = 'paper-pass-4821'

describeEachDatabase('office: a one-time password is replaced at first sign-in', (kind) => {
  const suite = useTestApp(kind)
  let practiceId = 0
  let admin = ''

  beforeAll(async () => {
    practiceId = await seedPractice(suite.db)
    admin = (await signedInStaff(suite, { practiceId, username: 'admin', role: 'admin' })).cookie
  })

  const get = (url: string, cookie: string) => suite.app.inject({ url, headers: { cookie } })
  const choose = (cookie: string, newPassword: string, newPasswordAgain = newPassword) =>
    browserPost(
      suite.app,
      '/api/office/session/password',
      { newPassword, newPasswordAgain },
      cookie,
    )
  const isTemporary = (username: string) =>
    staffColumnOf(suite.db, username, 'password_is_temporary')
  const newMember = async (username: string, role: 'admin' | 'front_desk' = 'front_desk') => {
    await seedStaff(suite.db, {
      practiceId,
      username,
      role,
      password: ONE_TIME,
      passwordIsTemporary: true,
    })
    return officeSignIn(suite.app, username, ONE_TIME)
  }

  it('gives staff an administrator creates or resets a one-time password', async () => {
    const created = await browserPost(
      suite.app,
      '/api/office/staff',
      { username: 'new.desk', displayName: 'New Desk', role: 'front_desk' },
      admin,
    )
    expect(created.statusCode).toBe(201)
    expect(await isTemporary('new.desk')).toBe(true)
    const cookie = await officeSignIn(suite.app, 'new.desk', created.json().oneTimePassword)
    expect((await choose(cookie, 'my own desk password')).statusCode).toBe(200)
    expect(await isTemporary('new.desk')).toBe(false)
    const id = (await get('/api/office/staff', admin))
      .json()
      .find((member: { username: string }) => member.username === 'new.desk').id
    const reset = await browserPost(suite.app, `/api/office/staff/${id}/password`, {}, admin)
    expect(reset.statusCode).toBe(200)
    expect(await isTemporary('new.desk')).toBe(true)
  })

  it('refuses every other office route until the member has chosen their own password', async () => {
    const cookie = await newMember('first.admin', 'admin')
    expect((await get('/api/office/session', cookie)).json()).toMatchObject({
      username: 'first.admin',
      mustChangePassword: true,
    })
    for (const url of ['/api/office/staff', '/api/office/sync-keys', '/api/office/settings']) {
      const refused = await get(url, cookie)
      expect(refused.statusCode).toBe(403)
      expect(refused.json().type).toBe('/problems/password-change-required')
    }
    expect((await choose(cookie, 'first admin own words')).json()).toMatchObject({
      mustChangePassword: false,
    })
    expect((await get('/api/office/staff', cookie)).statusCode).toBe(200)
    expect((await get('/api/office/session', admin)).json().mustChangePassword).toBe(false)
  })

  it('refuses a weak, mismatched or unchanged password, changing nothing', async () => {
    const cookie = await newMember('picky.desk')
    const refusals = [
      [await choose(cookie, 'short'), 'newPassword'],
      [await choose(cookie, 'password123'), 'newPassword'],
      [await choose(cookie, 'picky.desk'), 'newPassword'],
      [await choose(cookie, ONE_TIME), 'newPassword'],
      [await choose(cookie, 'a fine new password', 'another one'), 'newPasswordAgain'],
    ] as const
    for (const [response, field] of refusals) {
      expect(response.statusCode).toBe(400)
      expect(Object.keys(response.json().errors)).toEqual([field])
    }
    expect(await isTemporary('picky.desk')).toBe(true)
    expect(await officeSignIn(suite.app, 'picky.desk', ONE_TIME)).toBeTruthy()
  })

  it('retires the one-time password, signs out other browsers, keeps this one, and audits', async () => {
    const here = await newMember('pat.desk')
    const elsewhere = await officeSignIn(suite.app, 'pat.desk', ONE_TIME)
    const chosen = await choose(here, 'pat chooses this one')
    expect(chosen.statusCode).toBe(200)
    expect((await get('/api/office/session', here)).statusCode).toBe(200)
    expect((await get('/api/office/session', elsewhere)).statusCode).toBe(401)
    await expect(officeSignIn(suite.app, 'pat.desk', ONE_TIME)).rejects.toThrow(/401/)
    expect(await officeSignIn(suite.app, 'pat.desk', 'pat chooses this one')).toBeTruthy()
    const again = await choose(here, 'and once more please')
    expect(again.statusCode).toBe(409)
    const audit = await suite.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'office.password_chosen')
      .execute()
    expect(audit.length).toBeGreaterThanOrEqual(1)
    expect(JSON.stringify(audit)).not.toContain('pat chooses this one')
  })

  it('lets exactly one of several tabs submitting at once replace the one-time password', async () => {
    const cookie = await newMember('quick.desk')
    const answers = await Promise.all(
      ['first tab password', 'second tab password', 'third tab password'].map((password) =>
        choose(cookie, password),
      ),
    )
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409, 409])
    const winner = answers.findIndex((answer) => answer.statusCode === 200)
    const password = ['first tab password', 'second tab password', 'third tab password'][winner]
    expect(await officeSignIn(suite.app, 'quick.desk', password ?? '')).toBeTruthy()
  })
})
