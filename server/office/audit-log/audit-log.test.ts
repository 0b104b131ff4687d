import { beforeAll, expect, it } from 'vitest'
import { recordAudit } from '../../platform/audit/audit.ts'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import {
  FAMILY_PASSWORD,
  seedPatient,
  seedPortalPatient,
  seedPractice,
} from '../../testing/fixtures.ts'
import { portalSignIn, TEST_ORIGIN } from '../../testing/http.ts'
import { signedInStaff, useTestApp } from '../../testing/suite.ts'

describeEachDatabase('office: the audit log', (kind) => {
  const suite = useTestApp(kind)
  let admin = ''
  let frontDesk = ''
  let practiceId = 0
  let maria = 0

  beforeAll(async () => {
    const { db } = suite
    practiceId = await seedPractice(db)
    ;({ cookie: admin } = await signedInStaff(suite, { practiceId, username: 'admin' }))
    ;({ cookie: frontDesk } = await signedInStaff(suite, {
      practiceId,
      username: 'desk',
      role: 'front_desk',
    }))
    ;({ patientId: maria } = await seedPortalPatient(db, {
      practiceId,
      first_name: 'Maria',
      last_name: 'Garcia',
      username: 'maria.garcia',
    }))
    const ana = await seedPatient(db, { practiceId, first_name: 'Ana', last_name: 'Silva' })
    const mariaCookie = await portalSignIn(suite.app, 'maria.garcia', FAMILY_PASSWORD)
    // An act on her own account (no patient chosen in the portal) is about her too.
    const signedOut = await suite.app.inject({
      method: 'POST',
      url: '/api/portal/security/sign-out-others',
      headers: { cookie: mariaCookie, origin: TEST_ORIGIN },
      payload: {},
    })
    expect(signedOut.statusCode).toBe(204)
    // Enough events about Ana to need several pages, and one with a formula-looking address.
    for (let index = 0; index < 7; index += 1) {
      await recordAudit(db, {
        practiceId,
        actor: { type: 'sync' },
        action: 'document.viewed',
        patientId: ana,
        ip: index === 0 ? '=cmd()' : '10.0.0.1',
      })
    }
    // Another practice's event never shows.
    const other = await seedPractice(db, { name: 'Other Dental' })
    await recordAudit(db, { practiceId: other, actor: { type: 'system' }, action: 'x.other' })
  })

  const get = (url: string, cookie = admin) => suite.app.inject({ url, headers: { cookie } })

  it('is for administrators only', async () => {
    expect((await get('/api/office/audit-log', frontDesk)).statusCode).toBe(403)
    expect((await get('/api/office/audit-log.csv', frontDesk)).statusCode).toBe(403)
  })

  it('filters by patient, user and action, and pages by keyset without repeats', async () => {
    const aboutMaria = (await get('/api/office/audit-log?patient=maria%20garc')).json()
    expect(aboutMaria.events.length).toBeGreaterThan(0)
    expect(
      aboutMaria.events.every((event: { patientId: number }) => event.patientId === maria),
    ).toBe(true)
    expect(aboutMaria.events.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['portal.sign_in', 'portal.signed_out_elsewhere']),
    )

    const byMaria = (await get('/api/office/audit-log?user=Maria.Garcia')).json()
    expect(byMaria.events[0]).toMatchObject({ actor: 'Maria Garcia', username: 'maria.garcia' })
    const byDesk = (await get('/api/office/audit-log?user=DESK')).json()
    expect(byDesk.events.length).toBeGreaterThan(0)
    expect(byDesk.events.every((event: { username: string }) => event.username === 'desk')).toBe(
      true,
    )
    expect((await get('/api/office/audit-log?user=nobody')).json().events).toEqual([])

    const seen: number[] = []
    let next: string | null = ''
    while (next !== null) {
      const url: string = `/api/office/audit-log?action=document.viewed&limit=3${next ? `&after=${next}` : ''}`
      const page: { events: { id: number }[]; next: string | null } = (await get(url)).json()
      seen.push(...page.events.map((event) => event.id))
      next = page.next
    }
    expect(seen).toHaveLength(7)
    expect(new Set(seen).size).toBe(7)
    expect([...seen].sort((a, b) => b - a)).toEqual(seen)

    const prefix = (await get('/api/office/audit-log?action=portal.')).json()
    expect(
      prefix.events.every((event: { action: string }) => event.action.startsWith('portal.')),
    ).toBe(true)
    const all = (await get('/api/office/audit-log?limit=200')).json()
    expect(all.events.some((event: { action: string }) => event.action === 'x.other')).toBe(false)
  })

  it('filters by date range in the practice time zone', async () => {
    const today = new Date().toISOString().slice(0, 10)
    const none = (await get('/api/office/audit-log?from=2000-01-01&to=2000-01-02')).json()
    expect(none.events).toEqual([])
    const around = (await get(`/api/office/audit-log?from=2000-01-01&to=${nextDay(today)}`)).json()
    expect(around.events.length).toBeGreaterThan(0)
  })

  it('exports CSV with formulas defused, and audits every reading', async () => {
    const response = await get('/api/office/audit-log.csv?action=document.viewed')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('text/csv')
    const lines = response.body.trim().split('\r\n')
    expect(lines[0]).toMatch(/^When \(UTC\),Who,/)
    expect(lines).toHaveLength(8)
    expect(response.body).toContain(",'=cmd(),")
    const reads = await suite.db
      .selectFrom('audit_events')
      .select(['action'])
      .where('practice_id', '=', practiceId)
      .where('action', 'in', ['audit_log.viewed', 'audit_log.exported'])
      .execute()
    expect(reads.map((row) => row.action)).toContain('audit_log.exported')
    expect(reads.map((row) => row.action)).toContain('audit_log.viewed')
  })

  it('refuses a malformed filter with 400', async () => {
    expect((await get('/api/office/audit-log?action=DROP%20TABLE')).statusCode).toBe(400)
    expect((await get('/api/office/audit-log?after=nonsense')).statusCode).toBe(400)
    expect((await get('/api/office/audit-log?from=2026-02-30')).statusCode).toBe(400)
  })
})

function nextDay(day: string) {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 2)
  return date.toISOString().slice(0, 10)
}
