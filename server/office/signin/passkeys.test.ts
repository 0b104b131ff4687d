import { beforeAll, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { STAFF_PASSWORD, seedPractice, seedStaff } from '../../testing/fixtures.ts'
import { browserPost, officeSession, TEST_ORIGIN } from '../../testing/http.ts'
import { SoftwareAuthenticator } from '../../testing/software-authenticator.ts'
import { useTestApp } from '../../testing/suite.ts'

describeEachDatabase('office: passkeys for staff', (kind) => {
  const suite = useTestApp(kind)

  beforeAll(async () => {
    const practiceId = await seedPractice(suite.db, { settings: { second_factor_admins: true } })
    await seedStaff(suite.db, { practiceId, username: 'keyboss' })
  })

  const signIn = () => officeSession(suite.app, 'keyboss', STAFF_PASSWORD)
  const staffPage = (cookie: string) =>
    suite.app.inject({ url: '/api/office/staff', headers: { cookie } })

  it('lets an administrator add a passkey for the required factor, then answer with it', async () => {
    const first = await signIn()
    expect(first.view.secondFactor).toBe('enroll')
    const authenticator = new SoftwareAuthenticator(TEST_ORIGIN)
    const options = await browserPost(
      suite.app,
      '/api/office/security/passkeys/options',
      {},
      first.cookie,
    )
    const added = await browserPost(
      suite.app,
      '/api/office/security/passkeys',
      { label: 'Front desk laptop', response: authenticator.register(options.json()) },
      first.cookie,
    )
    expect(added.statusCode).toBe(200)
    expect(added.json().codes).toHaveLength(10)
    expect((await staffPage(first.cookie)).statusCode).toBe(200)

    const second = await signIn()
    expect(second.view.secondFactor).toBe('answer')
    expect((await staffPage(second.cookie)).statusCode).toBe(403)
    const ask = await browserPost(
      suite.app,
      '/api/office/session/second-factor/passkey/options',
      {},
      second.cookie,
    )
    const assertion = authenticator.assert(ask.json())
    const answered = await browserPost(
      suite.app,
      '/api/office/session/second-factor/passkey',
      { response: assertion },
      second.cookie,
    )
    expect(answered.statusCode).toBe(200)
    expect((await staffPage(second.cookie)).statusCode).toBe(200)

    // A staff passkey does not open the patient portal.
    const portalOptions = await browserPost(suite.app, '/api/portal/session/passkey/options', {})
    const crossing = await browserPost(
      suite.app,
      '/api/portal/session/passkey',
      authenticator.assert(portalOptions.json()),
    )
    expect(crossing.statusCode).toBe(400)
  })
})
