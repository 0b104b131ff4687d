import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { useTwoSyncPractices } from '../testing.ts'

describeEachDatabase('sync API: the practice', (kind) => {
  const suite = useTwoSyncPractices(kind)

  it("sets the key's own practice's organization NPI, and only that practice's", async () => {
    const put = await suite.a.call('PUT', 'practice', { npi: '1234567893' })
    expect(put.statusCode).toBe(200)
    expect(put.json()).toEqual({ name: 'Practice A', npi: '1234567893' })
    expect((await suite.a.call('GET', 'practice')).json().npi).toBe('1234567893')
    expect((await suite.b.call('GET', 'practice')).json()).toEqual({
      name: 'Practice B',
      npi: null,
    })
  })

  it('refuses a mistyped NPI or another field, changing nothing; left out clears it', async () => {
    await suite.a.call('PUT', 'practice', { npi: '1234567893' })
    for (const bad of [{ npi: '1234567894' }, { npi: '123' }, { name: 'Renamed' }]) {
      const response = await suite.a.call('PUT', 'practice', bad)
      expect(response.statusCode, JSON.stringify(bad)).toBe(400)
      expect(response.headers['content-type']).toContain('application/problem+json')
    }
    expect((await suite.a.call('GET', 'practice')).json()).toEqual({
      name: 'Practice A',
      npi: '1234567893',
    })
    expect((await suite.a.call('PUT', 'practice', {})).json().npi).toBeNull()
  })

  it('answers 401 without a key', async () => {
    expect((await suite.a.call('GET', 'practice', undefined, 'wrong')).statusCode).toBe(401)
  })
})
