import { beforeAll, describe, expect, it } from 'vitest'
import { FAMILY_PASSWORD, seedGarciaFamily } from '../../testing/family.ts'
import { seedPatient, seedPractice } from '../../testing/fixtures.ts'
import { portalSignIn, TEST_ORIGIN } from '../../testing/http.ts'
import { switchPortalFeature, useTestApp } from '../../testing/suite.ts'
import { describeEachDatabase } from '../db/testing.ts'
import { PORTAL_FEATURES } from './access-rules.ts'
import { createPortalGuard } from './portal-guard.ts'

describeEachDatabase('the portal access guard', (kind) => {
  const suite = useTestApp(kind)
  const ids: Record<string, number> = {}
  let practiceId = 0
  const cookies: Record<string, string> = {}

  beforeAll(async () => {
    practiceId = await seedPractice(suite.db)
    const { patients } = await seedGarciaFamily(suite.db, { practiceId })
    Object.assign(ids, patients)
    const otherPractice = await seedPractice(suite.db, { name: 'Other Dental' })
    ids.foreign = await seedPatient(suite.db, {
      practiceId: otherPractice,
      first_name: 'Maria',
      last_name: 'Garcia',
    })

    // A probe route per feature, guarded exactly as every patient route is.
    const guard = createPortalGuard(suite.db, suite.reads)
    for (const feature of PORTAL_FEATURES) {
      suite.app.get<{ Params: { patientId: string } }>(
        `/api/test/${feature}/:patientId`,
        async (request) => {
          const access = await guard.patient(request, Number(request.params.patientId), feature)
          return { patientId: access.patientId }
        },
      )
    }
    cookies.maria = await portalSignIn(suite.app, 'maria.garcia', FAMILY_PASSWORD)
    cookies.luis = await portalSignIn(suite.app, 'luis.garcia', FAMILY_PASSWORD)
  })

  const read = (who: string, patient: string, feature = 'appointments') =>
    suite.app.inject({
      url: `/api/test/${feature}/${ids[patient]}`,
      headers: { cookie: cookies[who] },
    })

  it('lets Maria, the representative, read all four Garcias', async () => {
    for (const patient of ['maria', 'luis', 'sofia', 'mateo']) {
      const response = await read('maria', patient)
      expect(response.statusCode, patient).toBe(200)
      expect(response.json()).toEqual({ patientId: ids[patient] })
    }
  })

  it('keeps Luis, a plain patient, to himself', async () => {
    expect((await read('luis', 'luis')).statusCode).toBe(200)
    for (const patient of ['maria', 'sofia', 'mateo']) {
      const response = await read('luis', patient)
      expect(response.statusCode, patient).toBe(404)
      expect(response.headers['content-type']).toContain('application/problem+json')
    }
  })

  it("refuses another family's and another practice's patients as if they did not exist", async () => {
    expect((await read('maria', 'smith')).statusCode).toBe(404)
    expect((await read('maria', 'foreign')).statusCode).toBe(404)
    const unknown = await suite.app.inject({
      url: '/api/test/appointments/999999',
      headers: { cookie: cookies.maria },
    })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.body).toBe((await read('maria', 'smith')).body)
  })

  it('refuses requests without a session', async () => {
    const response = await suite.app.inject({ url: `/api/test/appointments/${ids.maria}` })
    expect(response.statusCode).toBe(401)
  })

  it('refuses a feature switched off in Portal Settings with 403, until it is switched on', async () => {
    await switchPortalFeature(suite, practiceId, 'feature_images', false)
    const off = await read('maria', 'sofia', 'images')
    expect(off.statusCode).toBe(403)
    expect(off.json()).toMatchObject({ type: '/problems/feature-disabled' })
    expect((await read('maria', 'sofia', 'appointments')).statusCode).toBe(200)
    await switchPortalFeature(suite, practiceId, 'feature_images', true)
    expect((await read('maria', 'sofia', 'images')).statusCode).toBe(200)
  })

  it('lists the family in the session: the user first, then those they represent', async () => {
    const maria = await suite.app.inject({
      url: '/api/portal/session',
      headers: { cookie: cookies.maria },
    })
    const family = maria.json().family as { id: number; self: boolean }[]
    expect(family.map((member) => member.id)).toEqual(
      expect.arrayContaining([ids.maria, ids.luis, ids.sofia, ids.mateo]),
    )
    expect(family[0]).toMatchObject({ id: ids.maria, self: true })
    const luis = await suite.app.inject({
      url: '/api/portal/session',
      headers: { cookie: cookies.luis },
    })
    expect(luis.json().family).toEqual([expect.objectContaining({ id: ids.luis, self: true })])
  })

  it('refuses a state-changing request from another site', async () => {
    const response = await suite.app.inject({
      method: 'DELETE',
      url: '/api/portal/session',
      headers: { cookie: cookies.luis, origin: 'https://evil.example' },
    })
    expect(response.statusCode).toBe(403)
    expect(response.json()).toMatchObject({ type: '/problems/cross-site' })
    const still = await suite.app.inject({
      url: '/api/portal/session',
      headers: { cookie: cookies.luis },
    })
    expect(still.statusCode).toBe(200)
    expect(TEST_ORIGIN).toBe('http://localhost:3000')
  })
})

describe('feature list', () => {
  it('names every tab of the portal', () => {
    expect(PORTAL_FEATURES).toEqual(
      expect.arrayContaining(['appointments', 'account', 'plan', 'messages', 'summary', 'images']),
    )
  })
})
