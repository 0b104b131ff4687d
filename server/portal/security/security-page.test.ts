import { beforeAll, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { FAMILY_PASSWORD, seedPortalPatient, seedPractice } from '../../testing/fixtures.ts'
import { cookieFrom, TEST_ORIGIN } from '../../testing/http.ts'
import { useTestApp } from '../../testing/suite.ts'

/** The Security page's sign-ins and sessions, from addresses a proxy in front of us reports. */
describeEachDatabase('portal: where you signed in from', (kind) => {
  const suite = useTestApp(kind, { trustProxy: 1 })

  beforeAll(async () => {
    const practiceId = await seedPractice(suite.db)
    await seedPortalPatient(suite.db, {
      practiceId,
      first_name: 'Maria',
      last_name: 'Garcia',
      username: 'maria.garcia',
    })
  })

  const signInFrom = async (ip: string) =>
    cookieFrom(
      await suite.app.inject({
        method: 'POST',
        url: '/api/portal/session',
        headers: { origin: TEST_ORIGIN, 'x-forwarded-for': ip },
        payload: { username: 'maria.garcia', password: FAMILY_PASSWORD },
      }),
      'bitewing_portal',
    )

  it('names the country of each address it knows, and none for a private one', async () => {
    await signInFrom('10.1.2.3')
    const cookie = await signInFrom('24.48.0.1')
    const view = (
      await suite.app.inject({ url: '/api/portal/security', headers: { cookie } })
    ).json()
    expect(view.signIns.slice(0, 2)).toMatchObject([
      { ip: '24.48.0.1', country: 'CA', outcome: 'success' },
      { ip: '10.1.2.3', country: null },
    ])
    expect(view.sessions).toHaveLength(2)
    expect(view.sessions.find((session: { current: boolean }) => session.current)).toMatchObject({
      ip: '24.48.0.1',
      country: 'CA',
    })
  })
})
