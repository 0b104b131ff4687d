import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeEachDatabase } from '../platform/db/testing.ts'
import { syncCollections } from './collections/index.ts'
import { revokeSyncKey } from './keys.ts'
import { syncClient, useTwoSyncPractices } from './testing.ts'

describeEachDatabase('sync API over HTTP', (kind) => {
  const suite = useTwoSyncPractices(kind)

  const patient = {
    firstName: 'Avery',
    lastName: 'Example',
    birthdate: '1985-05-20',
    status: 'Patient',
  }

  it('puts a patient, reads it back, and answers a replay the same', async () => {
    const first = await suite.a.call('PUT', 'patients/p-1', patient)
    expect(first.statusCode).toBe(200)
    expect(first.headers['sync-outcome']).toBe('created')
    const again = await suite.a.call('PUT', 'patients/p-1', patient)
    expect(again.statusCode).toBe(200)
    expect(again.headers['sync-outcome']).toBe('unchanged')
    expect(again.json()).toEqual(first.json())
    const read = await suite.a.call('GET', 'patients/p-1')
    expect(read.json()).toEqual(first.json())
  })

  it('refuses a bad body with field errors, changing nothing', async () => {
    const response = await suite.a.call('PUT', 'patients/p-1', {
      ...patient,
      birthdate: '1985-02-30',
      nickname: 'x',
    })
    expect(response.statusCode).toBe(400)
    expect(response.headers['content-type']).toContain('application/problem+json')
    expect(response.json().errors).toMatchObject({
      birthdate: expect.any(String),
      nickname: expect.any(String),
    })
    expect((await suite.a.call('GET', 'patients/p-1')).json()).toMatchObject(patient)
  })

  it('refuses an external id that is too long or has other characters', async () => {
    for (const bad of ['a'.repeat(65), 'has%20space', 'semi;colon']) {
      const response = await suite.a.call('PUT', `patients/${bad}`, patient)
      expect(response.statusCode, bad).toBe(400)
      expect(response.json().errors).toHaveProperty('externalId')
    }
  })

  it("keeps practices apart: the same external id is each practice's own row", async () => {
    await suite.b.call('PUT', 'patients/p-1', { ...patient, firstName: 'Blake' })
    expect((await suite.a.call('GET', 'patients/p-1')).json().firstName).toBe('Avery')
    expect((await suite.b.call('GET', 'patients/p-1')).json().firstName).toBe('Blake')
    await suite.b.call('PUT', 'patients/only-b', patient)
    expect((await suite.a.call('GET', 'patients/only-b')).statusCode).toBe(404)
    const deleted = await suite.a.call('DELETE', 'patients/only-b')
    expect(deleted.headers['sync-outcome']).toBe('absent')
    expect((await suite.b.call('GET', 'patients/only-b')).statusCode).toBe(200)
    const guarantor = await suite.a.call('PUT', 'patients/p-2', {
      ...patient,
      guarantorExternalId: 'only-b',
    })
    expect(guarantor.statusCode).toBe(422)
    expect(guarantor.json().errors).toHaveProperty('guarantorExternalId')
  })

  it('refuses a missing, unknown or revoked key with 401', async () => {
    expect((await suite.a.call('GET', 'patients/p-1', undefined, 'bw_nope')).statusCode).toBe(401)
    const noKey = await suite.app.inject({ method: 'GET', url: '/api/sync/v1/patients/p-1' })
    expect(noKey.statusCode).toBe(401)
    const c = await syncClient(suite.app, suite.db, 'Practice C')
    expect((await c.call('GET', 'patients/p-1')).statusCode).toBe(404)
    await revokeSyncKey(suite.db, c.practiceId, c.keyId)
    const revoked = await c.call('GET', 'patients/p-1')
    expect(revoked.statusCode).toBe(401)
    expect(revoked.headers['content-type']).toContain('application/problem+json')
  })

  it('audits every call with the key and counts, never field values', async () => {
    const before = await auditCount(suite.a.keyId)
    await suite.a.call('PUT', 'patients/p-1', patient)
    await suite.a.call('GET', 'patients/p-1')
    await suite.a.call('PUT', 'patients/p-1', { ...patient, birthdate: 'soon' })
    await suite.a.call('POST', 'batch', {
      operations: [
        { op: 'put', collection: 'patients', externalId: 'p-3', body: patient },
        { op: 'put', collection: 'patients', externalId: 'p-4', body: patient },
      ],
    })
    await waitFor(async () => (await auditCount(suite.a.keyId)) >= before + 4).catch(async () => {
      throw new Error(`audit rows: ${before} then ${await auditCount(suite.a.keyId)}`)
    })
    const rows = await suite.db
      .selectFrom('audit_events')
      .select(['action', 'outcome', 'details'])
      .where('target_type', '=', 'sync_api_key')
      .where('target_id', '=', String(suite.a.keyId))
      .orderBy('id', 'desc')
      .limit(4)
      .execute()
    expect(rows.map((row) => [row.action, row.outcome])).toEqual([
      ['sync.batch', 'success'],
      ['sync.put', 'failure'],
      ['sync.get', 'success'],
      ['sync.put', 'success'],
    ])
    expect(rows[0]?.details).toMatchObject({ keyId: suite.a.keyId, counts: { created: 2 } })
    expect(JSON.stringify(rows)).not.toMatch(/Avery|1985/)
  })

  async function auditCount(keyId: number) {
    const { rows } = await sql<{ count: number }>`
      select count(*)::int as count from audit_events
      where target_type = 'sync_api_key' and target_id = ${String(keyId)}`.execute(suite.db)
    return Number(rows[0]?.count)
  }

  it('applies a batch all or nothing: a bad operation at index 999 leaves nothing', async () => {
    const bulk = (index: number) => ({
      op: 'put',
      collection: 'patients',
      externalId: `bulk-${index}`,
      body: patient as object,
    })
    const operations = Array.from({ length: 1000 }, (_, index) => bulk(index))
    const last = (body: object) => ({ ...bulk(999), body })
    operations[999] = last({ ...patient, birthdate: 'yesterday' })
    const invalid = await suite.a.call('POST', 'batch', { operations })
    expect(invalid.statusCode).toBe(400)
    expect(invalid.json().errors).toEqual({ 'operations/999/birthdate': expect.any(String) })
    operations[999] = last({ ...patient, guarantorExternalId: 'nobody' })
    const unresolved = await suite.a.call('POST', 'batch', { operations })
    expect(unresolved.statusCode).toBe(422)
    expect(unresolved.json().errors).toEqual({
      'operations/999/guarantorExternalId': expect.any(String),
    })
    operations[999] = last({ ...patient, representatives: [{ patientExternalId: 'nobody' }] })
    const unresolvedChild = await suite.a.call('POST', 'batch', { operations })
    expect(unresolvedChild.statusCode).toBe(422)
    expect(unresolvedChild.json().errors).toEqual({
      'operations/999/representatives/0/patientExternalId': expect.any(String),
    })
    expect((await suite.a.call('GET', 'patients/bulk-0')).statusCode).toBe(404)
    expect(
      (await suite.a.call('POST', 'batch', { operations: [...operations, bulk(1000)] })).statusCode,
    ).toBe(400)
  }, 120_000)

  it('resolves references to rows put earlier in the same batch', async () => {
    const kid = {
      ...patient,
      guarantorExternalId: 'mom',
      representatives: [{ patientExternalId: 'mom' }],
    }
    const response = await suite.a.call('POST', 'batch', {
      operations: [
        {
          op: 'put',
          collection: 'patients',
          externalId: 'mom',
          body: { ...patient, guarantorExternalId: 'mom' },
        },
        { op: 'put', collection: 'patients', externalId: 'kid', body: kid },
        { op: 'delete', collection: 'patients', externalId: 'never-sent' },
      ],
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      created: 2,
      absent: 1,
      outcomes: ['created', 'created', 'absent'],
    })
    expect((await suite.a.call('GET', 'patients/kid')).json()).toMatchObject({
      guarantorExternalId: 'mom',
    })
  })

  it('serves an OpenAPI 3.1 document naming every collection, and a reference page', async () => {
    const document = (await suite.app.inject({ url: '/api/sync/v1/openapi.json' })).json()
    expect(document.openapi).toBe('3.1.0')
    for (const { name } of syncCollections) {
      expect(Object.keys(document.paths[`/api/sync/v1/${name}/{externalId}`])).toEqual([
        'put',
        'get',
        'delete',
      ])
    }
    const page = await suite.app.inject({ url: '/api/sync/docs' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.body).toContain('/api/sync/v1/patients/{externalId}')
    // An integrator learns from the page alone how to check a webhook delivery.
    expect(page.body).toContain('<h2 id="webhooks">Webhook deliveries</h2>')
    expect(page.body).toContain('Bitewing-Signature: t=')
    expect((await suite.app.inject({ url: '/api/sync/docs/docs.css' })).statusCode).toBe(200)
  })
})

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
