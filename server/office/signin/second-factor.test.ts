import { beforeAll, expect, it } from 'vitest'
import { totpCode } from '../../platform/auth/second-factor/rules.ts'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { STAFF_PASSWORD, seedPractice, seedStaff } from '../../testing/fixtures.ts'
import { browserPost, officeSession } from '../../testing/http.ts'
import { clearThrottlesBeforeEach, useTestApp } from '../../testing/suite.ts'

describeEachDatabase('office: two-step sign-in for administrators', (kind) => {
  const suite = useTestApp(kind)

  beforeAll(async () => {
    const practiceId = await seedPractice(suite.db, { settings: { second_factor_admins: true } })
    await seedStaff(suite.db, { practiceId, username: 'boss' })
    await seedStaff(suite.db, { practiceId, username: 'desk', role: 'front_desk' })
  })
  clearThrottlesBeforeEach(suite)

  const signIn = (username: string) => officeSession(suite.app, username, STAFF_PASSWORD)
  const staffPage = (cookie: string) =>
    suite.app.inject({ url: '/api/office/staff', headers: { cookie } })

  it('asks an administrator to add an app, then for its code at every sign-in', async () => {
    const first = await signIn('boss')
    expect(first.view.secondFactor).toBe('enroll')
    expect((await staffPage(first.cookie)).statusCode).toBe(403)
    const started = await browserPost(suite.app, '/api/office/security/app', {}, first.cookie)
    const { key } = started.json()
    const confirmed = await browserPost(
      suite.app,
      '/api/office/security/app/confirm',
      { code: totpCode(key) },
      first.cookie,
    )
    expect(confirmed.json().codes).toHaveLength(10)
    expect((await staffPage(first.cookie)).statusCode).toBe(200)

    const second = await signIn('boss')
    expect(second.view.secondFactor).toBe('answer')
    expect((await staffPage(second.cookie)).statusCode).toBe(403)
    const wrong = await browserPost(
      suite.app,
      '/api/office/session/second-factor',
      { code: '000000' },
      second.cookie,
    )
    expect(wrong.statusCode).toBe(400)
    const right = await browserPost(
      suite.app,
      '/api/office/session/second-factor',
      { code: totpCode(key, new Date(Date.now() + 30_000)) },
      second.cookie,
    )
    expect(right.statusCode).toBe(200)
    expect((await staffPage(second.cookie)).statusCode).toBe(200)
  })

  it('leaves other roles to choose', async () => {
    const { view } = await signIn('desk')
    expect(view.secondFactor).toBe('none')
  })
})
