import { beforeAll, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { useTestApp } from '../../testing/suite.ts'
import { syncClient } from '../testing.ts'

describeEachDatabase('sync API: the practice', (kind) => {
  const suite = useTestApp(kind)
  let a: Awaited<ReturnType<typeof syncClient>>
  let b: Awaited<ReturnType<typeof syncClient>>

  beforeAll(async () => {
    a = await syncClient(suite.app, suite.db, 'Practice A')
    b = await syncClient(suite.app, suite.db, 'Practice B')
  })

  it("sets the key's own practice's organization NPI, and only that practice's", async () => {
    const put = await a.call('PUT', 'practice', { npi: '1234567893' })
    expect(put.statusCode).toBe(200)
    expect(put.json()).toEqual({ name: 'Practice A', npi: '1234567893' })
    expect((await a.call('GET', 'practice')).json().npi).toBe('1234567893')
    expect((await b.call('GET', 'practice')).json()).toEqual({ name: 'Practice B', npi: null })
  })

  it('refuses a mistyped NPI or another field, changing nothing; left out clears it', async () => {
    await a.call('PUT', 'practice', { npi: '1234567893' })
    for (const bad of [{ npi: '1234567894' }, { npi: '123' }, { name: 'Renamed' }]) {
      const response = await a.call('PUT', 'practice', bad)
      expect(response.statusCode, JSON.stringify(bad)).toBe(400)
      expect(response.headers['content-type']).toContain('application/problem+json')
    }
    expect((await a.call('GET', 'practice')).json()).toEqual({
      name: 'Practice A',
      npi: '1234567893',
    })
    expect((await a.call('PUT', 'practice', {})).json().npi).toBeNull()
  })

  it('answers 401 without a key', async () => {
    expect((await a.call('GET', 'practice', undefined, 'wrong')).statusCode).toBe(401)
  })
})
