import { sql } from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { authenticateSyncKey, createSyncKey } from '../../sync/keys.ts'
import { seedPractice } from '../../testing/fixtures.ts'
import { TEST_ORIGIN } from '../../testing/http.ts'
import { signedInOfficeTeam, useTestApp } from '../../testing/suite.ts'

describeEachDatabase('office: sync API keys', (kind) => {
  const suite = useTestApp(kind)
  let admin = ''
  let frontDesk = ''
  let otherPracticeKeyId = 0

  beforeAll(async () => {
    const practiceId = await seedPractice(suite.db, { name: 'Maple Grove Dental' })
    const team = await signedInOfficeTeam(suite, practiceId)
    admin = team.admin.cookie
    frontDesk = team.desk.cookie
    const other = await seedPractice(suite.db, { name: 'Other Dental' })
    otherPracticeKeyId = (await createSyncKey(suite.db, other, 'Their PMS')).id
  })

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie = admin, payload?: object) =>
    suite.app.inject({ method, url, payload, headers: { origin: TEST_ORIGIN, cookie } })
  const createdKey = (response: { json(): unknown }) =>
    response.json() as { key: string; id: number }
  const list = async () => (await call('GET', '/api/office/sync-keys')).json()

  it('is for administrators only', async () => {
    expect((await call('GET', '/api/office/sync-keys', frontDesk)).statusCode).toBe(403)
    const sneaky = await call('POST', '/api/office/sync-keys', frontDesk, { name: 'Mine' })
    expect(sneaky.statusCode).toBe(403)
    expect(await list()).toEqual([])
  })

  it('shows a new key once; the list has its name and prefix, and when it was last used', async () => {
    const created = await call('POST', '/api/office/sync-keys', admin, {
      name: ' Front office PMS ',
    })
    expect(created.statusCode).toBe(201)
    const { key, keyPrefix, id, name } = created.json()
    expect(name).toBe('Front office PMS')
    expect(key.startsWith(keyPrefix)).toBe(true)
    const listed = await call('GET', '/api/office/sync-keys')
    expect(listed.body).not.toContain(key)
    expect(listed.json()).toEqual([
      {
        id,
        name,
        keyPrefix,
        createdAt: expect.any(String),
        lastUsedAt: null,
        revokedAt: null,
      },
    ])
    expect(await authenticateSyncKey(suite.db, key)).toMatchObject({ keyId: id })
    expect((await list())[0].lastUsedAt).toEqual(expect.any(String))
    const audit = await suite.db.selectFrom('audit_events').selectAll().execute()
    expect(audit.map((row) => row.action)).toContain('sync_key.created')
    expect(JSON.stringify(audit)).not.toContain(key)
  })

  it('records a key’s use at most once a minute, also under a burst of parallel calls', async () => {
    const { key, id } = createdKey(
      await call('POST', '/api/office/sync-keys', admin, { name: 'Busy PMS' }),
    )
    // xmin names the transaction that wrote the row's current version: unchanged means unwritten.
    const stored = () =>
      suite.db
        .selectFrom('sync_api_keys')
        .select([sql<string>`xmin::text`.as('version'), 'last_used_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    await Promise.all(Array.from({ length: 20 }, () => authenticateSyncKey(suite.db, key)))
    const first = await stored()
    expect(first.last_used_at).toBeInstanceOf(Date)
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => authenticateSyncKey(suite.db, key)),
    )
    expect(burst.every((holder) => holder?.keyId === id)).toBe(true)
    expect(await stored()).toEqual(first)

    await suite.db
      .updateTable('sync_api_keys')
      .set({ last_used_at: sql`now() - interval '61 seconds'` })
      .where('id', '=', id)
      .execute()
    const stale = await stored()
    expect(await authenticateSyncKey(suite.db, key)).toMatchObject({ keyId: id })
    const marked = await stored()
    expect(marked.version).not.toBe(stale.version)
    expect(marked.last_used_at?.getTime()).toBeGreaterThan(stale.last_used_at?.getTime() ?? 0)
  })

  it('refuses a blank name, creating nothing', async () => {
    const before = (await list()).length
    expect((await call('POST', '/api/office/sync-keys', admin, { name: '   ' })).statusCode).toBe(
      400,
    )
    expect((await call('POST', '/api/office/sync-keys', admin, {})).statusCode).toBe(400)
    expect((await list()).length).toBe(before)
  })

  it('revokes a key: it stops working at once; revoking again or another practice’s key is a 404', async () => {
    const { key, id } = (await call('POST', '/api/office/sync-keys', admin, { name: 'Old' })).json()
    expect((await call('DELETE', `/api/office/sync-keys/${id}`)).statusCode).toBe(204)
    expect(await authenticateSyncKey(suite.db, key)).toBeNull()
    expect((await list()).find((row: { id: number }) => row.id === id).revokedAt).toEqual(
      expect.any(String),
    )
    expect((await call('DELETE', `/api/office/sync-keys/${id}`)).statusCode).toBe(404)
    const theirs = await call('DELETE', `/api/office/sync-keys/${otherPracticeKeyId}`)
    expect(theirs.statusCode).toBe(404)
    const revoked = await suite.db
      .selectFrom('audit_events')
      .select(['action', 'target_id'])
      .where('action', '=', 'sync_key.revoked')
      .execute()
    expect(revoked).toEqual([{ action: 'sync_key.revoked', target_id: String(id) }])
  })

  it('sets, shows, rotates and removes the webhook; its secret is answered once', async () => {
    const hook = (method: 'GET' | 'PUT' | 'DELETE', cookie = admin, payload?: object) =>
      suite.app.inject({
        method,
        url: '/api/office/sync-webhook',
        payload,
        headers: { origin: TEST_ORIGIN, cookie },
      })
    const url = 'https://pms.example.test/bitewing/events'
    expect((await hook('GET')).json()).toEqual({ url: null })
    expect((await hook('PUT', frontDesk, { url })).statusCode).toBe(403)
    const first = await hook('PUT', admin, { url })
    expect(first.statusCode).toBe(200)
    expect(first.json()).toEqual({ url, secret: expect.stringMatching(/^whsec_/) })
    const shown = await hook('GET')
    expect(shown.json()).toEqual({ url })
    expect(shown.body).not.toContain(first.json().secret)
    const rotated = (await hook('PUT', admin, { url })).json()
    expect(rotated.secret).not.toBe(first.json().secret)

    const bad = await hook('PUT', admin, { url: 'ftp://pms.example.test/' })
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json().errors)).toEqual(['url'])
    expect((await hook('GET')).json()).toEqual({ url })
    const stored = await suite.db.selectFrom('sync_webhooks').select('sealed_secret').execute()
    expect(JSON.stringify(stored)).not.toContain(rotated.secret)

    expect((await hook('DELETE')).statusCode).toBe(204)
    expect((await hook('GET')).json()).toEqual({ url: null })
    expect((await hook('DELETE')).statusCode).toBe(404)
    const actions = await suite.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'sync_webhook.%')
      .execute()
    expect(actions.map((row) => row.action)).toEqual([
      'sync_webhook.set',
      'sync_webhook.set',
      'sync_webhook.removed',
    ])
    expect(
      JSON.stringify(await suite.db.selectFrom('audit_events').selectAll().execute()),
    ).not.toContain('whsec_')
  })
})
