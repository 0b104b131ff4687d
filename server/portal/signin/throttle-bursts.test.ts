import { beforeAll, expect, it } from 'vitest'
import { createBackgroundWorker } from '../../background.ts'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import {
  FAMILY_PASSWORD,
  seedPortalPatient,
  seedPractice,
  seedStaff,
} from '../../testing/fixtures.ts'
import { browserPost, portalSignIn } from '../../testing/http.ts'
import { clearThrottlesBeforeEach, useTestApp } from '../../testing/suite.ts'

const BURST = 15

/** How many of each status code the answers carry, e.g. { 401: 5, 429: 10 }. */
function statuses(responses: { statusCode: number }[]) {
  const counts: Record<number, number> = {}
  for (const response of responses) {
    counts[response.statusCode] = (counts[response.statusCode] ?? 0) + 1
  }
  return counts
}

describeEachDatabase('throttles under parallel bursts', (kind) => {
  const suite = useTestApp(kind)
  let luisId = 0

  beforeAll(async () => {
    const { db } = suite
    const practiceId = await seedPractice(db)
    const luis = await seedPortalPatient(db, {
      practiceId,
      first_name: 'Luis',
      last_name: 'García',
      email: 'luis@example.test',
      username: 'luis.garcia',
    })
    luisId = luis.userId
    await seedStaff(suite.db, {
      practiceId,
      username: 'frontdesk',
      password: FAMILY_PASSWORD,
      role: 'front_desk',
    })
  })
  clearThrottlesBeforeEach(suite)

  const post = (url: string, payload: object, cookie?: string) =>
    browserPost(suite.app, url, payload, cookie)
  const burst = (count: number, send: (index: number) => ReturnType<typeof post>) =>
    Promise.all(Array.from({ length: count }, (_, index) => send(index)))
  const failuresAudited = (action: string) =>
    suite.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('action', '=', action)
      .where('outcome', '=', 'failure')
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.count))

  for (const realm of ['portal', 'office'] as const) {
    const username = realm === 'portal' ? 'luis.garcia' : 'frontdesk'
    it(`checks at most 5 of ${BURST} parallel wrong ${realm} passwords, refusing the rest`, async () => {
      const before = await failuresAudited(`${realm}.sign_in`)
      const answers = await burst(BURST, (index) =>
        post(`/api/${realm}/session`, { username, password: `wrong guess ${index}` }),
      )
      const counts = statuses(answers)
      expect(counts).toEqual({ 401: 5, 429: BURST - 5 })
      // Only the five let through were checked (each check of a wrong password is audited).
      expect((await failuresAudited(`${realm}.sign_in`)) - before).toBe(5)
      const right = await post(`/api/${realm}/session`, { username, password: FAMILY_PASSWORD })
      expect(right.statusCode).toBe(429)
      expect(Number(right.headers['retry-after'])).toBeGreaterThan(0)
    })
  }

  it('lets an honest sign-in give its attempt back to a shared address', async () => {
    for (let round = 0; round <= 20; round++) {
      await suite.db.deleteFrom('attempt_counters').where('scope', '=', 'sign-in').execute()
      await portalSignIn(suite.app, 'luis.garcia', FAMILY_PASSWORD)
    }
    const address = await suite.db
      .selectFrom('attempt_counters')
      .select('attempts')
      .where('scope', '=', 'address')
      .executeTakeFirstOrThrow()
    expect(address.attempts).toBe(0)
  })

  it('never counts more than five tries of a reset code, however parallel, and then refuses the right one', async () => {
    await post('/api/public/password-reset', { username: 'luis.garcia' })
    const worker = createBackgroundWorker({
      db: suite.db,
      files: suite.files,
      config: { smtpUrl: undefined, mailFrom: 'test@example.test' },
    })
    await worker.runDue()
    const email = await suite.db
      .selectFrom('outgoing_emails')
      .select('text_body')
      .where('kind', '=', 'password-reset')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    const code = /code is: (\d{6,8})/.exec(email.text_body)?.[1] ?? ''
    const wrong = code === '000000' ? '111111' : '000000'
    const complete = (typed: string) =>
      post('/api/public/password-reset/complete', {
        username: 'luis.garcia',
        code: typed,
        newPassword: 'autumn leaves 99',
        newPasswordAgain: 'autumn leaves 99',
      })
    // Two bursts of four, the sign-in counters emptied between them (as if from another address
    // a while later): the code's own count must stop at five.
    const first = await burst(4, () => complete(wrong))
    await suite.db.deleteFrom('attempt_counters').execute()
    const second = await burst(4, () => complete(wrong))
    expect(statuses([...first, ...second])).toEqual({ 400: 8 })
    const row = await suite.db
      .selectFrom('password_reset_codes')
      .select('attempts')
      .where('portal_user_id', '=', luisId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow()
    expect(row.attempts).toBe(5)
    await suite.db.deleteFrom('attempt_counters').execute()
    const right = await complete(code)
    expect(right.statusCode).toBe(400)
    expect(right.json().errors).toHaveProperty('code')
  })

  it('checks at most 5 of a burst of wrong current passwords on Change password', async () => {
    const cookie = await portalSignIn(suite.app, 'luis.garcia', FAMILY_PASSWORD)
    const answers = await burst(BURST, (index) =>
      post(
        '/api/portal/password',
        {
          currentPassword: `wrong guess ${index}`,
          newPassword: 'new maple leaf',
          newPasswordAgain: 'new maple leaf',
        },
        cookie,
      ),
    )
    expect(statuses(answers)).toEqual({ 400: 5, 429: BURST - 5 })
    const right = await post(
      '/api/portal/password',
      {
        currentPassword: FAMILY_PASSWORD,
        newPassword: 'new maple leaf',
        newPasswordAgain: 'new maple leaf',
      },
      cookie,
    )
    expect(right.statusCode).toBe(429)
  })

  it('limits forgot-password requests per user name and per address, known or not', async () => {
    await suite.db.deleteFrom('jobs').execute()
    for (const username of ['luis.garcia', 'nobody.here']) {
      await suite.db.deleteFrom('attempt_counters').execute()
      const answers = await burst(10, () => post('/api/public/password-reset', { username }))
      expect(statuses(answers)).toEqual({ 202: 3, 429: 7 })
    }
    await suite.db.deleteFrom('attempt_counters').execute()
    const names = await burst(BURST, (index) =>
      post('/api/public/password-reset', { username: `someone.${index}` }),
    )
    expect(statuses(names)).toEqual({ 202: 10, 429: BURST - 10 })
    const queued = await suite.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('kind', '=', 'password-reset.request')
      .executeTakeFirstOrThrow()
    expect(Number(queued.count)).toBe(3 + 3 + 10)
  })

  it('answers forgot-password without looking the user up: the job does that', async () => {
    await suite.db.deleteFrom('password_reset_codes').execute()
    const known = await post('/api/public/password-reset', { username: 'luis.garcia' })
    const unknown = await post('/api/public/password-reset', { username: 'nobody.at.all' })
    expect(known.statusCode).toBe(202)
    expect(known.body).toBe(unknown.body)
    // Nothing about Luis was touched by the request itself; the same job row was queued for both.
    const codes = await suite.db.selectFrom('password_reset_codes').select('id').execute()
    expect(codes).toEqual([])
    const jobs = await suite.db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', 'password-reset.request')
      .where('status', '=', 'queued')
      .orderBy('id', 'desc')
      .limit(2)
      .execute()
    expect(jobs).toHaveLength(2)
  })
})
