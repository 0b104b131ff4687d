import type { AddressInfo } from 'node:net'
import { beforeAll, expect, it } from 'vitest'
import { findColumnById } from '../../platform/db/rows.ts'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { inviteForMateosRecall } from '../../testing/family.ts'
import { TEST_ORIGIN } from '../../testing/http.ts'
import { useFamilyApp } from '../../testing/suite.ts'

const DAY = 86_400_000

/**
 * Web Sched over real HTTP. The seeded family's open times (in 2, 3 and 60 days) are for Mateo's
 * recall type; Sofia and Luis get recalls of the same type here. Sofia's own cleaning starts
 * with the second open time.
 */
describeEachDatabase('Web Sched', (kind) => {
  const suite = useFamilyApp(kind)
  let origin = ''
  const recalls = { sofia: 0, luis: 0, mateo: 0 }

  beforeAll(async () => {
    const { db, app, family: seeded } = suite
    recalls.mateo = seeded.recall
    for (const who of ['sofia', 'luis'] as const) {
      recalls[who] = await inviteForMateosRecall(db, seeded, seeded.patients[who])
    }
    await app.listen({ port: 0, host: '127.0.0.1' })
    origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  })

  const recallUrl = (who: keyof typeof recalls) =>
    `${origin}/api/portal/patients/${suite.family.patients[who]}/recalls/${recalls[who]}`
  const openTimes = async (who: keyof typeof recalls, cookie: string) => {
    const response = await fetch(`${recallUrl(who)}/open-times`, { headers: { cookie } })
    expect(response.status).toBe(200)
    return ((await response.json()) as { id: number }[]).map((time) => time.id)
  }
  const book = (who: keyof typeof recalls, cookie: string, openTimeId: number) =>
    fetch(`${recallUrl(who)}/book`, {
      method: 'POST',
      headers: { cookie, origin: TEST_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ openTimeId }),
    })
  const bookedBy = (openTimeId: number) =>
    findColumnById(suite.db, 'web_sched_open_times', openTimeId, 'booked_appointment_id')
  const onlineBookings = async (patientId: number) =>
    suite.db
      .selectFrom('appointments')
      .select('id')
      .where('patient_id', '=', patientId)
      .where('booked_online', '=', true)
      .execute()

  it("never offers a time that overlaps one of the patient's own visits", async () => {
    const [first, second] = suite.family.openTimes
    expect(await openTimes('mateo', suite.cookies.maria)).toEqual([first, second])
    // Sofia's cleaning (3 days from now, an hour) overlaps the second time; her broken
    // appointment in 5 days holds no chair.
    expect(await openTimes('sofia', suite.cookies.maria)).toEqual([first])
  })

  it("refuses to book a time that overlaps one of the patient's own visits, changing nothing", async () => {
    const second = suite.family.openTimes[1] ?? 0
    const response = await book('sofia', suite.cookies.maria, second)
    expect(response.status).toBe(409)
    expect(response.headers.get('content-type')).toContain('application/problem+json')
    expect(await response.json()).toMatchObject({ type: '/problems/time-clashes-with-visit' })
    expect(await bookedBy(second)).toBeNull()
    expect(await onlineBookings(suite.family.patients.sofia)).toEqual([])
  })

  it("two patients' recalls racing for one open time: exactly one wins", async () => {
    const first = suite.family.openTimes[0] ?? 0
    // Two people, two patients, two connections, at once.
    const answers = await Promise.all([
      book('luis', suite.cookies.luis, first),
      book('mateo', suite.cookies.maria, first),
    ])
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409])
    const lost = answers.find((answer) => answer.status === 409)
    expect(lost?.headers.get('content-type')).toContain('application/problem+json')
    expect(await lost?.json()).toMatchObject({ type: '/problems/open-time-taken', status: 409 })
    const won = (await answers.find((answer) => answer.status === 201)?.json()) as { id: number }
    expect(await bookedBy(first)).toBe(won.id)
    const booked = [
      ...(await onlineBookings(suite.family.patients.luis)),
      ...(await onlineBookings(suite.family.patients.mateo)),
    ]
    expect(booked).toEqual([{ id: won.id }])
    const loser = answers[0]?.status === 409 ? 'luis' : 'mateo'
    const recall = await suite.db
      .selectFrom('recalls')
      .select('scheduled_appointment_id')
      .where('id', '=', recalls[loser])
      .executeTakeFirstOrThrow()
    expect(recall.scheduled_appointment_id).toBeNull()
  })

  it("one patient's two recalls racing for overlapping times: exactly one is booked", async () => {
    // Sofia is also due for a fluoride varnish, offered 15 minutes into a cleaning time.
    const varnish = await suite.db
      .insertInto('recall_types')
      .values({
        practice_id: suite.family.practiceId,
        description: 'Fluoride varnish',
        length_minutes: 15,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const recall = await suite.db
      .insertInto('recalls')
      .values({
        practice_id: suite.family.practiceId,
        patient_id: suite.family.patients.sofia,
        recall_type_id: varnish.id,
        date_due: new Date(Date.now() - DAY).toISOString().slice(0, 10),
        status: 'Invited',
        invited_at: new Date(Date.now() - DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const cleaning = await suite.db
      .selectFrom('recalls')
      .select('recall_type_id')
      .where('id', '=', recalls.sofia)
      .executeTakeFirstOrThrow()
    const { clinic_id, provider_id } = await suite.db
      .selectFrom('web_sched_open_times')
      .select(['clinic_id', 'provider_id'])
      .where('id', '=', suite.family.openTimes[0] ?? 0)
      .executeTakeFirstOrThrow()
    const startsAt = new Date(Date.now() + 12 * DAY)
    const times = await suite.db
      .insertInto('web_sched_open_times')
      .values(
        [
          { recall_type_id: cleaning.recall_type_id, starts_at: startsAt, length_minutes: 40 },
          {
            recall_type_id: varnish.id,
            starts_at: new Date(startsAt.getTime() + 15 * 60_000),
            length_minutes: 15,
          },
        ].map((time) => ({
          ...time,
          practice_id: suite.family.practiceId,
          clinic_id,
          provider_id,
        })),
      )
      .returning('id')
      .execute()
    const url = `${origin}/api/portal/patients/${suite.family.patients.sofia}/recalls`
    const answers = await Promise.all(
      [recalls.sofia, recall.id].map((recallId, index) =>
        fetch(`${url}/${recallId}/book`, {
          method: 'POST',
          headers: {
            cookie: suite.cookies.maria,
            origin: TEST_ORIGIN,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ openTimeId: times[index]?.id }),
        }),
      ),
    )
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409])
    const lost = answers.find((answer) => answer.status === 409)
    expect(await lost?.json()).toMatchObject({ type: '/problems/time-clashes-with-visit' })
    expect(await onlineBookings(suite.family.patients.sofia)).toHaveLength(1)
  })
})
