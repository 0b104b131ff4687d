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
})
