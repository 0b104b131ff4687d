import { beforeAll, expect, it } from 'vitest'
import { describeEachDatabase } from '../platform/db/testing.ts'
import { CREATE_CARE_SUMMARY_JOB } from '../portal/summary/create.ts'
import { seedPortalUser } from '../testing/fixtures.ts'
import { portalSignIn } from '../testing/http.ts'
import { useTestApp } from '../testing/suite.ts'
import { syncClient } from './testing.ts'

/**
 * What the PMS writes reaches the patient on their next request, though the portal keeps reads
 * in memory (every write goes through the change triggers), and a visit turning Complete makes
 * its visit summary.
 */
describeEachDatabase('sync API writes as the portal sees them', (kind) => {
  const suite = useTestApp(kind)
  let client: Awaited<ReturnType<typeof syncClient>>
  let cookie = ''
  let patientId = 0

  const soon = new Date(Date.now() + 3 * 86_400_000)
  const visit = {
    patientExternalId: 'pat',
    clinicExternalId: 'clinic',
    providerExternalId: 'doc',
    startsAt: soon.toISOString(),
    lengthMinutes: 60,
    status: 'Scheduled',
    confirmation: 'Unconfirmed',
    procedures: [{ code: 'D1110', description: 'Prophylaxis - adult' }],
  }

  beforeAll(async () => {
    client = await syncClient(suite.app, suite.db, 'Portal Effects Dental')
    const load = await client.call('POST', 'batch', {
      operations: [
        { op: 'put', collection: 'clinics', externalId: 'clinic', body: { name: 'Main Street' } },
        {
          op: 'put',
          collection: 'providers',
          externalId: 'doc',
          body: { firstName: 'Ana', lastName: 'Lind', suffix: 'DDS' },
        },
        {
          op: 'put',
          collection: 'patients',
          externalId: 'pat',
          body: {
            firstName: 'Pat',
            lastName: 'Doe',
            birthdate: '1980-01-01',
            status: 'Patient',
            guarantorExternalId: 'pat',
            address1: '1 Road',
          },
        },
        { op: 'put', collection: 'appointments', externalId: 'visit', body: visit },
      ],
    })
    expect(load.statusCode, load.body).toBe(200)
    const row = await suite.db
      .selectFrom('patients')
      .select('id')
      .where('practice_id', '=', client.practiceId)
      .where('external_id', '=', 'pat')
      .executeTakeFirstOrThrow()
    patientId = row.id
    await seedPortalUser(suite.db, {
      practiceId: client.practiceId,
      patientId,
      username: 'pat.doe',
      password: 'correct horse battery',
    })
    cookie = await portalSignIn(suite.app, 'pat.doe', 'correct horse battery')
  })

  async function upcoming() {
    await suite.settle()
    const response = await suite.app.inject({
      url: `/api/portal/patients/${patientId}/appointments`,
      headers: { cookie },
    })
    expect(response.statusCode).toBe(200)
    return response.json().upcoming as { startsAt: string; provider: string | null }[]
  }

  it('shows a moved appointment and a renamed provider on the next read', async () => {
    expect((await upcoming()).map((a) => a.startsAt)).toEqual([soon.toISOString()])
    const later = new Date(soon.getTime() + 3_600_000).toISOString()
    expect(
      (await client.call('PUT', 'appointments/visit', { ...visit, startsAt: later })).statusCode,
    ).toBe(200)
    expect((await upcoming()).map((a) => a.startsAt)).toEqual([later])
    await client.call('PUT', 'providers/doc', {
      firstName: 'Ana',
      lastName: 'Lindqvist',
      suffix: 'DDS',
    })
    expect((await upcoming())[0]?.provider).toContain('Lindqvist')
    visit.startsAt = later
  })

  it('makes the visit summary when a recent visit turns Complete', async () => {
    const jobs = () =>
      suite.db
        .selectFrom('jobs')
        .select('payload')
        .where('kind', '=', CREATE_CARE_SUMMARY_JOB)
        .where('practice_id', '=', client.practiceId)
        .execute()
    expect(await jobs()).toEqual([])
    const earlier = new Date(Date.now() - 3_600_000).toISOString()
    await client.call('PUT', 'appointments/done', { ...visit, startsAt: earlier })
    expect(await jobs()).toEqual([])
    await client.call('PUT', 'appointments/done', {
      ...visit,
      startsAt: earlier,
      status: 'Complete',
    })
    expect(await jobs()).toHaveLength(1)
    await client.call('PUT', 'appointments/done', {
      ...visit,
      startsAt: earlier,
      status: 'Complete',
    })
    expect(await jobs()).toHaveLength(1)
  })

  it('stops showing a deleted appointment, and a deleted patient can no longer be read', async () => {
    expect(await upcoming()).toHaveLength(1)
    expect((await client.call('DELETE', 'appointments/visit')).statusCode).toBe(204)
    expect(await upcoming()).toEqual([])
    expect((await client.call('DELETE', 'patients/pat')).statusCode).toBe(204)
    await suite.settle()
    const gone = await suite.app.inject({
      url: `/api/portal/patients/${patientId}/appointments`,
      headers: { cookie },
    })
    expect(gone.statusCode).toBe(401)
  })
})
