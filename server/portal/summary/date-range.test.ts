import { unzipSync } from 'fflate'
import { beforeAll, expect, it } from 'vitest'
import { validateCcd } from '../../ccd/index.ts'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { seedCareSummaryCodes } from '../../testing/fixtures.ts'
import { TEST_ORIGIN } from '../../testing/http.ts'
import { familyRequests, useFamilyApp } from '../../testing/suite.ts'
import { XDM_ENTRIES } from './package.ts'

const PROCEDURES = [
  { code: 'D0150', description: 'Comprehensive exam', performed_on: '2019-05-02' },
  { code: 'D1120', description: 'Cleaning, child', performed_on: '2021-03-04' },
  { code: 'D1206', description: 'Fluoride varnish', performed_on: '2022-11-30' },
  { code: 'D2391', description: 'Resin filling', performed_on: '2024-08-15' },
]

describeEachDatabase('portal: a care summary for a date range', (kind) => {
  const suite = useFamilyApp(kind)
  const { get, post, base } = familyRequests(suite)

  beforeAll(async () => {
    const { practiceId, patients } = suite.family
    await suite.db
      .insertInto('clinical_procedures')
      .values(
        PROCEDURES.map((p) => ({ ...p, practice_id: practiceId, patient_id: patients.sofia })),
      )
      .execute()
    await suite.db
      .insertInto('immunizations')
      .values(
        [
          { cvx: '03', on: '2018-02-01' },
          { cvx: '140', on: '2022-10-01' },
        ].map(({ cvx, on }) => ({
          practice_id: practiceId,
          patient_id: patients.sofia,
          cvx_code: cvx,
          vaccine: `Vaccine ${cvx}`,
          administered_on: on,
        })),
      )
      .execute()
    await seedCareSummaryCodes(suite.db, practiceId)
  })

  it('holds only the entries in range, says the range, and is valid against CDA_SDTC.xsd', async () => {
    const created = await post(`${base('sofia')}/summaries`, {
      from: '2021-01-01',
      to: '2022-12-31',
    })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ rangeFrom: '2021-01-01', rangeTo: '2022-12-31' })
    const xml = (await get(`${base('sofia')}/summaries/${created.json().id}/xml`)).body
    expect(await validateCcd(xml)).toEqual({ valid: true, errors: [] })
    expect(xml).toContain('Cleaning, child')
    expect(xml).toContain('Fluoride varnish')
    expect(xml).not.toContain('Comprehensive exam')
    expect(xml).not.toContain('Resin filling')
    expect(xml).toContain('Vaccine 140')
    expect(xml).not.toContain('Vaccine 03')
    expect(xml).toMatch(
      /<serviceEvent classCode="PCPR"><effectiveTime><low value="20210101"\/><high value="20221231"\/>/,
    )
  })

  it('without dates covers everything, and the list tells the two apart', async () => {
    const created = await post(`${base('sofia')}/summaries`, {})
    expect(created.json()).toMatchObject({ rangeFrom: null, rangeTo: null })
    const xml = (await get(`${base('sofia')}/summaries/${created.json().id}/xml`)).body
    for (const procedure of PROCEDURES) expect(xml).toContain(procedure.description)
    const list = (await get(`${base('sofia')}/summaries`)).json().summaries
    expect(list.map((s: { rangeFrom: string | null }) => s.rangeFrom)).toEqual([null, '2021-01-01'])
  })

  it('records the range in the activity history of every act on the summary', async () => {
    const [, ranged] = (await get(`${base('sofia')}/summaries`)).json().summaries
    await get(`${base('sofia')}/summaries/${ranged.id}/html`)
    const transmit = await post(`${base('sofia')}/summaries/${ranged.id}/transmit`, {
      to: 'dr.smith@example.org',
      kind: 'email',
    })
    expect(transmit.statusCode).toBe(202)
    const events = (await get(`${base('sofia')}/summary-activity`)).json().events
    const acts = events.filter((event: { summaryId: number }) => event.summaryId === ranged.id)
    expect(acts.map((event: { kind: string }) => event.kind)).toEqual([
      'transmitted',
      'viewed',
      'downloaded',
    ])
    for (const event of acts) {
      expect(event).toMatchObject({ rangeFrom: '2021-01-01', rangeTo: '2022-12-31' })
    }
  })

  it('writes the dates of the HTML and the zip’s index in the reader’s locale', async () => {
    const [, ranged] = (await get(`${base('sofia')}/summaries`)).json().summaries
    const read = (what: string, language: string) =>
      suite.app.inject({
        url: `${base('sofia')}/summaries/${ranged.id}/${what}`,
        headers: { cookie: suite.cookies.maria, 'accept-language': language },
      })
    const canadian = (await read('html', 'en-CA,en;q=0.9')).body
    expect(canadian).toContain('<dt>Covers</dt><dd>01/01/2021 – 31/12/2022</dd>')
    expect(canadian).toContain('<td>04/03/2021</td>')
    const american = (await read('html', 'en-US')).body
    expect(american).toContain('<dt>Covers</dt><dd>01/01/2021 – 12/31/2022</dd>')
    expect(american).toContain('<td>03/04/2021</td>')
    const zip = unzipSync(new Uint8Array((await read('package', 'en-CA')).rawPayload))
    const index = Buffer.from(zip[XDM_ENTRIES.index] ?? []).toString()
    expect(index).toMatch(
      /<p>Created \d{2}\/\d{2}\/\d{4} \d{1,2}:\d{2} [ap]\.m\. \(UTC[+-]\d{2}:\d{2}\)\.<\/p>/,
    )
    expect(Buffer.from(zip[XDM_ENTRIES.html] ?? []).toString()).toContain('<td>04/03/2021</td>')
  })

  it('refuses an end before the start, or a date that is not one, and makes nothing', async () => {
    const before = await suite.db.selectFrom('care_summaries').select('id').execute()
    const backwards = await post(`${base('sofia')}/summaries`, {
      from: '2023-01-02',
      to: '2023-01-01',
    })
    expect(backwards.statusCode).toBe(400)
    expect(backwards.json().errors).toEqual({
      to: 'The end date must be on or after the start date.',
    })
    const notADate = await post(`${base('sofia')}/summaries`, { from: '2023-02-30' })
    expect(notADate.statusCode).toBe(400)
    expect(await suite.db.selectFrom('care_summaries').select('id').execute()).toEqual(before)
  })

  it('answers a POST without any body (API clients from before ranges) with everything', async () => {
    const created = await suite.app.inject({
      method: 'POST',
      url: `${base('sofia')}/summaries`,
      headers: { cookie: suite.cookies.maria, origin: TEST_ORIGIN },
    })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ rangeFrom: null, rangeTo: null })
    const xml = (await get(`${base('sofia')}/summaries/${created.json().id}/xml`)).body
    for (const { description } of PROCEDURES) expect(xml).toContain(description)
  })
})
