import { Readable } from 'node:stream'
import { beforeAll, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { careSummariesReady } from '../../practice/queries.ts'
import { seedPractice } from '../../testing/fixtures.ts'
import { TEST_ORIGIN } from '../../testing/http.ts'
import { signedInOfficeTeam, useTestApp } from '../../testing/suite.ts'
import { importCvx, importSnomed } from './import.ts'
import { CODE_BATCH_SIZE } from './queries.ts'
import { RF2_DESCRIPTION_HEADER } from './rules.ts'

// A small RF2 description file with made-up identifiers (no SNOMED CT content is shipped).
const FSN = '900000000000003001'
const SYNONYM = '900000000000013009'
const line = (
  id: number,
  time: string,
  active: 0 | 1,
  concept: string,
  type: string,
  term: string,
) =>
  [id, time, active, '900000000000207008', concept, 'en', type, term, '900000000000448009'].join(
    '\t',
  )
const FIXTURE = [
  RF2_DESCRIPTION_HEADER,
  line(1000001011, '20240101', 1, '100001001', FSN, 'Made-up gum finding (finding)'),
  line(1000002011, '20240101', 1, '100001001', SYNONYM, 'Gum finding'),
  line(1000003011, '20230701', 1, '100002001', FSN, 'Made-up tooth disorder (disorder)'),
  line(1000004011, '20240101', 0, '100003001', FSN, 'Retired concept (disorder)'),
  '',
].join('\r\n')

describeEachDatabase('office: code systems', (kind) => {
  const suite = useTestApp(kind)
  let admin = ''
  let provider = ''
  let practiceId = 0

  beforeAll(async () => {
    practiceId = await seedPractice(suite.db)
    const team = await signedInOfficeTeam(suite, practiceId)
    admin = team.admin.cookie
    provider = team.provider.cookie
  })

  const status = async () =>
    (await suite.app.inject({ url: '/api/office/code-systems', headers: { cookie: admin } })).json()
  const upload = (body: string, cookie = admin, query = '') =>
    suite.app.inject({
      method: 'POST',
      url: `/api/office/code-systems/snomed${query}`,
      headers: { cookie, origin: TEST_ORIGIN, 'content-type': 'text/plain' },
      payload: body,
    })
  const codeCount = async (system: string) => {
    const row = await suite.db
      .selectFrom('code_system_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('system', '=', system)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  it('starts with nothing imported: summaries are not set up', async () => {
    expect(await status()).toEqual({
      ready: false,
      systems: [
        { system: 'SNOMEDCT', label: 'SNOMED CT', latest: null },
        { system: 'CVX', label: 'CVX (vaccines administered)', latest: null },
      ],
    })
    expect(await careSummariesReady(suite.db, practiceId)).toBe(false)
  })

  it('is for administrators only', async () => {
    const get = await suite.app.inject({
      url: '/api/office/code-systems',
      headers: { cookie: provider },
    })
    expect(get.statusCode).toBe(403)
    expect((await upload(FIXTURE, provider)).statusCode).toBe(403)
    expect((await suite.app.inject({ url: '/api/office/code-systems' })).statusCode).toBe(401)
  })

  it('refuses a file that is not RF2 and changes nothing', async () => {
    const response = await upload('code,display\n123,Something\n')
    expect(response.statusCode).toBe(400)
    expect(response.json().detail).toMatch(/not a SNOMED CT RF2 description file/)
    expect(await codeCount('SNOMEDCT')).toBe(0)
    expect((await status()).systems[0].latest).toBeNull()
  })

  it('rolls back a file that turns out malformed after several batches', async () => {
    const rows = Array.from({ length: CODE_BATCH_SIZE * 2 + 10 }, (_, index) =>
      line(
        2000000011 + index * 100,
        '20240101',
        1,
        String(300000001 + index * 1000),
        FSN,
        `C ${index} (finding)`,
      ),
    )
    const text = [RF2_DESCRIPTION_HEADER, ...rows, 'not\ta\tvalid\trow', ''].join('\n')
    await expect(
      importSnomed(suite.db, { practiceId, staffId: null, input: Readable.from([text]) }),
    ).rejects.toThrow(/Line \d+ has 4 columns/)
    expect(await codeCount('SNOMEDCT')).toBe(0)
    const imports = await suite.db.selectFrom('code_system_imports').selectAll().execute()
    expect(imports).toEqual([])
  })

  it('imports active Fully Specified Names from an uploaded RF2 file', async () => {
    const response = await upload(
      FIXTURE,
      admin,
      '?fileName=sct2_Description_Snapshot-en_INT_20240101.txt',
    )
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({
      system: 'SNOMEDCT',
      version: 'INT_20240101',
      codeCount: 2,
    })
    const codes = await suite.db
      .selectFrom('code_system_codes')
      .select(['code', 'display'])
      .where('system', '=', 'SNOMEDCT')
      .orderBy('code')
      .execute()
    expect(codes).toEqual([
      { code: '100001001', display: 'Made-up gum finding' },
      { code: '100002001', display: 'Made-up tooth disorder' },
    ])
    const { systems, ready } = await status()
    expect(ready).toBe(false)
    expect(systems[0].latest).toMatchObject({ version: 'INT_20240101', importedBy: 'admin' })
  })

  it('takes the version from the rows when the upload has no file name', async () => {
    const octet = await suite.app.inject({
      method: 'POST',
      url: '/api/office/code-systems/snomed',
      headers: { cookie: admin, origin: TEST_ORIGIN, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(FIXTURE),
    })
    expect(octet.statusCode).toBe(201)
    expect(octet.json().version).toBe('20240101')
  })

  it('imports the shipped CVX list, and then summaries are set up', async () => {
    const response = await suite.app.inject({
      method: 'POST',
      url: '/api/office/code-systems/cvx',
      headers: { cookie: admin, origin: TEST_ORIGIN },
    })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ system: 'CVX', codeCount: 166 })
    expect(await codeCount('CVX')).toBe(166)
    expect((await status()).ready).toBe(true)
    expect(await careSummariesReady(suite.db, practiceId)).toBe(true)
    const audit = await suite.db
      .selectFrom('audit_events')
      .select(['action', 'outcome'])
      .where('action', '=', 'code_system.imported')
      .execute()
    expect(audit.filter((row) => row.outcome === 'success')).toHaveLength(3)
    expect(audit.filter((row) => row.outcome === 'failure')).toHaveLength(1)
  })

  it("accepts CDC's pipe-delimited cvx.txt", async () => {
    const text = [
      '03        |MMR|measles, mumps and rubella virus vaccine||Active|3|False|5/28/2010',
      '999       |unknown|unknown vaccine or immune globulin||Inactive|999|True|2/1/2024',
      '',
    ].join('\r\n')
    const result = await importCvx(suite.db, { practiceId, staffId: null, text })
    expect(result).toMatchObject({ system: 'CVX', codeCount: 2, version: 'CDC 2024-02-01' })
    await expect(
      importCvx(suite.db, { practiceId, staffId: null, text: 'nonsense\n' }),
    ).rejects.toThrow(/not a CVX list/)
  })
})
